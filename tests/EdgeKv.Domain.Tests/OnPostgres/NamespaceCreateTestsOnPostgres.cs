using EdgeKv.Domain.Tests.Namespaces;
using EdgeKv.Domain.Tests.Infrastructure;

namespace EdgeKv.Domain.Tests.OnPostgres;

/// <summary>Every test of <see cref="NamespaceCreateTests"/>, with the admin database on PostgreSQL.</summary>
public sealed class NamespaceCreateTestsOnPostgres : NamespaceCreateTests, IRunsOnPostgres;
