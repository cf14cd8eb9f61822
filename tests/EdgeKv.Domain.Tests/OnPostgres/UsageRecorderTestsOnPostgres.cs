using EdgeKv.Domain.Tests.Infrastructure;
using EdgeKv.Domain.Tests.Usage;

namespace EdgeKv.Domain.Tests.OnPostgres;

/// <summary>Every test of <see cref="UsageRecorderTests"/>, with the admin database on PostgreSQL.</summary>
public sealed class UsageRecorderTestsOnPostgres : UsageRecorderTests, IRunsOnPostgres;
