using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace EdgeKv.Migrations
{
    /// <inheritdoc />
    public partial class NamespaceUsage : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "NamespaceUsage",
                columns: table => new
                {
                    NamespaceId = table.Column<int>(type: "INTEGER", nullable: false),
                    Minute = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Reads = table.Column<long>(type: "INTEGER", nullable: false),
                    Lists = table.Column<long>(type: "INTEGER", nullable: false),
                    Writes = table.Column<long>(type: "INTEGER", nullable: false),
                    Deletes = table.Column<long>(type: "INTEGER", nullable: false),
                    BytesWritten = table.Column<long>(type: "INTEGER", nullable: false),
                    StoredBytes = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_NamespaceUsage", x => new { x.NamespaceId, x.Minute });
                    table.ForeignKey(
                        name: "FK_NamespaceUsage_KvNamespaces_NamespaceId",
                        column: x => x.NamespaceId,
                        principalTable: "KvNamespaces",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_NamespaceUsage_Minute",
                table: "NamespaceUsage",
                column: "Minute");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "NamespaceUsage");
        }
    }
}
