using EdgeKv.Domain.Tests.Infrastructure;
using EdgeKv.Domain.Tests.Nodes;

namespace EdgeKv.Domain.Tests.OnPostgres;

/// <summary>Every test of <see cref="NodeHeartbeatTests"/>, with the admin database on PostgreSQL.</summary>
public sealed class NodeHeartbeatTestsOnPostgres : NodeHeartbeatTests, IRunsOnPostgres;
