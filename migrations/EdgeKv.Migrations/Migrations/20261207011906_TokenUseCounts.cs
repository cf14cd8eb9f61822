using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace EdgeKv.Migrations
{
    /// <inheritdoc />
    public partial class TokenUseCounts : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "LastReadAuditedAt",
                table: "AccessTokens");

            migrationBuilder.AddColumn<long>(
                name: "ReadCount",
                table: "AccessTokens",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.AddColumn<long>(
                name: "WriteCount",
                table: "AccessTokens",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0L);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "ReadCount",
                table: "AccessTokens");

            migrationBuilder.DropColumn(
                name: "WriteCount",
                table: "AccessTokens");

            migrationBuilder.AddColumn<DateTime>(
                name: "LastReadAuditedAt",
                table: "AccessTokens",
                type: "TEXT",
                nullable: true);
        }
    }
}
