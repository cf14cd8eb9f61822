namespace EdgeKv.Api.Tests.Cluster.Faults;

/// <summary>
/// The fault tests run alone, after the others: they start host processes and load them with dozens of writers on a
/// small machine, and their timeouts are meant to measure the fault, not the neighbouring tests' load.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class FaultsCollection
{
    public const string Name = "Cluster faults";
}
