using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace EdgeKv.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class ClusterNodeHeartbeats : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "NodeHeartbeats",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    ConsoleUrl = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    Engine = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    StartedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    LastSeenAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    HeartbeatInterval = table.Column<TimeSpan>(type: "interval", nullable: false),
                    ReplicaHealth = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    ReplicaLagMilliseconds = table.Column<long>(type: "bigint", nullable: true),
                    ReplicaMaxLagMilliseconds = table.Column<long>(type: "bigint", nullable: false),
                    ReplicaMeasuredAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    ReplicaError = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_NodeHeartbeats", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "NodeLagSamples",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    NodeId = table.Column<Guid>(type: "uuid", nullable: false),
                    At = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    LagMilliseconds = table.Column<long>(type: "bigint", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_NodeLagSamples", x => x.Id);
                    table.ForeignKey(
                        name: "FK_NodeLagSamples_NodeHeartbeats_NodeId",
                        column: x => x.NodeId,
                        principalTable: "NodeHeartbeats",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_NodeHeartbeats_LastSeenAt",
                table: "NodeHeartbeats",
                column: "LastSeenAt");

            migrationBuilder.CreateIndex(
                name: "IX_NodeLagSamples_At",
                table: "NodeLagSamples",
                column: "At");

            migrationBuilder.CreateIndex(
                name: "IX_NodeLagSamples_NodeId",
                table: "NodeLagSamples",
                column: "NodeId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "NodeLagSamples");

            migrationBuilder.DropTable(
                name: "NodeHeartbeats");
        }
    }
}
