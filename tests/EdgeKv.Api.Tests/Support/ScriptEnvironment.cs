using System.Text.Json;

namespace EdgeKv.Api.Tests.Support;

/// <summary>The environment a client script reads: the namespace's URL and, optionally, JSON arguments.</summary>
internal static class ScriptEnvironment
{
    /// <summary>For a Deno script: the namespace's URL (on the HTTP/2 address); the token goes in DENO_KV_ACCESS_TOKEN.</summary>
    public static IReadOnlyDictionary<string, string> For(TestNamespace ns, object? args = null) => Build(ns.Url, args);

    /// <summary>For a Node script: the namespace's URL on the HTTP/1.1 address (fetch speaks no h2c) and the token.</summary>
    public static IReadOnlyDictionary<string, string> ForNode(KvConnectServer server, TestNamespace ns, string token, object? args = null)
    {
        var environment = Build($"{server.Http1Url}/kv/connect/{ns.Id}", args);
        environment["EDGEKV_TOKEN"] = token;
        return environment;
    }

    private static Dictionary<string, string> Build(string url, object? args)
    {
        var environment = new Dictionary<string, string> { ["EDGEKV_URL"] = url };
        if (args is not null)
        {
            environment["EDGEKV_ARGS"] = JsonSerializer.Serialize(args);
        }

        return environment;
    }
}
