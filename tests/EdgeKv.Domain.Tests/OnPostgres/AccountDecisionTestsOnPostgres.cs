using EdgeKv.Domain.Tests.Accounts;
using EdgeKv.Domain.Tests.Infrastructure;

namespace EdgeKv.Domain.Tests.OnPostgres;

/// <summary>Every test of <see cref="AccountDecisionTests"/>, with the admin database on PostgreSQL.</summary>
public sealed class AccountDecisionTestsOnPostgres : AccountDecisionTests, IRunsOnPostgres;
