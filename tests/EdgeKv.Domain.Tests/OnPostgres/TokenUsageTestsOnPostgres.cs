using EdgeKv.Domain.Tests.Tokens;
using EdgeKv.Domain.Tests.Infrastructure;

namespace EdgeKv.Domain.Tests.OnPostgres;

/// <summary>Every test of <see cref="TokenUsageTests"/>, with the admin database on PostgreSQL (the batch's added counts).</summary>
public sealed class TokenUsageTestsOnPostgres : TokenUsageTests, IRunsOnPostgres;
