using EdgeKv.Domain.Tests.Migrations;
using EdgeKv.Domain.Tests.Infrastructure;

namespace EdgeKv.Domain.Tests.OnPostgres;

/// <summary>Every test of <see cref="MigrationTests"/>, with the admin database on PostgreSQL.</summary>
public sealed class MigrationTestsOnPostgres : MigrationTests, IRunsOnPostgres;
