namespace EdgeKv.Functions.Hosting;

/// <summary>What a test invocation got back: status, headers, body bytes, and how long it took (milliseconds).</summary>
public sealed record FunctionInvocation(int Status, IReadOnlyList<KeyValuePair<string, string>> Headers, byte[] Body, double ElapsedMilliseconds);
