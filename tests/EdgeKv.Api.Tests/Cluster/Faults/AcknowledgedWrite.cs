namespace EdgeKv.Api.Tests.Cluster.Faults;

/// <summary>A write a node answered with success: the key, the versionstamp it answered, and the node.</summary>
internal sealed record AcknowledgedWrite(string Key, string Versionstamp, string Node);
