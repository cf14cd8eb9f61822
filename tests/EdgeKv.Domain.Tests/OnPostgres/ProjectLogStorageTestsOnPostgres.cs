using EdgeKv.Domain.Tests.FunctionLogs;
using EdgeKv.Domain.Tests.Infrastructure;

namespace EdgeKv.Domain.Tests.OnPostgres;

/// <summary>Every test of <see cref="ProjectLogStorageTests"/>, with the admin database on PostgreSQL.</summary>
public sealed class ProjectLogStorageTestsOnPostgres : ProjectLogStorageTests, IRunsOnPostgres;
