using EdgeKv.Domain.Tests.Concurrency;
using EdgeKv.Domain.Tests.Infrastructure;

namespace EdgeKv.Domain.Tests.OnPostgres;

/// <summary>Every test of <see cref="ConcurrentLimitTests"/>, with the admin database on PostgreSQL.</summary>
public sealed class ConcurrentLimitTestsOnPostgres : ConcurrentLimitTests, IRunsOnPostgres;
