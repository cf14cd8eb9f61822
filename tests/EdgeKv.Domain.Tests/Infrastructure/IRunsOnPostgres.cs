namespace EdgeKv.Domain.Tests.Infrastructure;

/// <summary>
/// Marks a test class whose hosts (<see cref="DomainHost.StartAsync"/>) put the admin database on PostgreSQL: a class
/// in OnPostgres/ derives from a SQLite test class and adds this, so the same test bodies run on both providers.
/// </summary>
internal interface IRunsOnPostgres;
