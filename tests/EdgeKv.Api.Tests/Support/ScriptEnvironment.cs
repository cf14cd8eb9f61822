using System.Text.Json;

namespace EdgeKv.Api.Tests.Support;

/// <summary>The environment a client script reads: the namespace's URL and, optionally, JSON arguments.</summary>
internal static class ScriptEnvironment
{
    public static IReadOnlyDictionary<string, string> For(TestNamespace ns, object? args = null)
    {
        var environment = new Dictionary<string, string> { ["EDGEKV_URL"] = ns.Url };
        if (args is not null)
        {
            environment["EDGEKV_ARGS"] = JsonSerializer.Serialize(args);
        }

        return environment;
    }
}
