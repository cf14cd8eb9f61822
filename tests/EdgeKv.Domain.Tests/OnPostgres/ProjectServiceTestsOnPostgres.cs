using EdgeKv.Domain.Tests.Projects;
using EdgeKv.Domain.Tests.Infrastructure;

namespace EdgeKv.Domain.Tests.OnPostgres;

/// <summary>Every test of <see cref="ProjectServiceTests"/>, with the admin database on PostgreSQL.</summary>
public sealed class ProjectServiceTestsOnPostgres : ProjectServiceTests, IRunsOnPostgres;
