using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace EdgeKv.Migrations
{
    /// <inheritdoc />
    public partial class ActiveDeployment : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "ActiveDeploymentId",
                table: "Projects",
                type: "INTEGER",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "ActiveDeploymentId",
                table: "Projects");
        }
    }
}
