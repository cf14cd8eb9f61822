using EdgeKv.Domain.Tests.Tokens;
using EdgeKv.Domain.Tests.Infrastructure;

namespace EdgeKv.Domain.Tests.OnPostgres;

/// <summary>Every test of <see cref="TokenCreateTests"/>, with the admin database on PostgreSQL.</summary>
public sealed class TokenCreateTestsOnPostgres : TokenCreateTests, IRunsOnPostgres;
