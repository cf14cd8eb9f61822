using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace EdgeKv.Migrations
{
    /// <inheritdoc />
    public partial class AccessTokens : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "AccessTokenId",
                table: "AuditEntries",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "AccessTokens",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    OwnerUserId = table.Column<string>(type: "TEXT", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Prefix = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    SecretHash = table.Column<byte[]>(type: "BLOB", maxLength: 32, nullable: false),
                    Permission = table.Column<int>(type: "INTEGER", nullable: false),
                    AllNamespaces = table.Column<bool>(type: "INTEGER", nullable: false),
                    ExpiresAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    LastUsedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    LastReadAuditedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    RevokedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    RevokedBy = table.Column<string>(type: "TEXT", maxLength: 450, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AccessTokens", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AccessTokens_AspNetUsers_OwnerUserId",
                        column: x => x.OwnerUserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "AccessTokenNamespaces",
                columns: table => new
                {
                    AccessTokenId = table.Column<int>(type: "INTEGER", nullable: false),
                    NamespaceId = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AccessTokenNamespaces", x => new { x.AccessTokenId, x.NamespaceId });
                    table.ForeignKey(
                        name: "FK_AccessTokenNamespaces_AccessTokens_AccessTokenId",
                        column: x => x.AccessTokenId,
                        principalTable: "AccessTokens",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_AccessTokenNamespaces_KvNamespaces_NamespaceId",
                        column: x => x.NamespaceId,
                        principalTable: "KvNamespaces",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_AuditEntries_AccessTokenId",
                table: "AuditEntries",
                column: "AccessTokenId");

            migrationBuilder.CreateIndex(
                name: "IX_AccessTokenNamespaces_NamespaceId",
                table: "AccessTokenNamespaces",
                column: "NamespaceId");

            migrationBuilder.CreateIndex(
                name: "IX_AccessTokens_OwnerUserId",
                table: "AccessTokens",
                column: "OwnerUserId");

            migrationBuilder.CreateIndex(
                name: "IX_AccessTokens_Prefix",
                table: "AccessTokens",
                column: "Prefix");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "AccessTokenNamespaces");

            migrationBuilder.DropTable(
                name: "AccessTokens");

            migrationBuilder.DropIndex(
                name: "IX_AuditEntries_AccessTokenId",
                table: "AuditEntries");

            migrationBuilder.DropColumn(
                name: "AccessTokenId",
                table: "AuditEntries");
        }
    }
}
