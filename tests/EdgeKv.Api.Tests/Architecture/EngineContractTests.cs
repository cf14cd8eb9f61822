using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using EdgeKv.Api.Http;

namespace EdgeKv.Api.Tests.Architecture;

/// <summary>The APIs use the engine through its contract only (ADR 0006): no type of a backend is named anywhere in them.</summary>
public sealed class EngineContractTests
{
    [Fact]
    public void ApiAssembly_ReferencedEngineTypes_AreAllOutsideTheSqliteBackend()
    {
        using var stream = File.OpenRead(typeof(KvHttpErrorCodes).Assembly.Location);
        using var pe = new PEReader(stream);
        var metadata = pe.GetMetadataReader();

        var engineNamespaces = metadata.TypeReferences
            .Select(handle => metadata.GetString(metadata.GetTypeReference(handle).Namespace))
            .Where(name => name.StartsWith("EdgeKv.Core", StringComparison.Ordinal))
            .Distinct()
            .ToList();

        Assert.Contains("EdgeKv.Core.Store", engineNamespaces); // the check reads real references
        Assert.DoesNotContain(engineNamespaces, name => name.StartsWith("EdgeKv.Core.Sqlite", StringComparison.Ordinal));
    }
}
