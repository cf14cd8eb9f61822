using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace EdgeKv.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class AccessTokenBytesRead : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "BytesRead",
                table: "AccessTokens",
                type: "bigint",
                nullable: false,
                defaultValue: 0L);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "BytesRead",
                table: "AccessTokens");
        }
    }
}
