using EdgeKv.Domain.Tests.Bindings;
using EdgeKv.Domain.Tests.Infrastructure;

namespace EdgeKv.Domain.Tests.OnPostgres;

/// <summary>Every test of <see cref="BindingServiceTests"/>, with the admin database on PostgreSQL.</summary>
public sealed class BindingServiceTestsOnPostgres : BindingServiceTests, IRunsOnPostgres;
