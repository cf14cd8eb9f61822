namespace EdgeKv.Functions.Tests.Support;

/// <summary>A <see cref="FunctionsServer"/> whose operator turned outbound network on (<c>EdgeKv:Functions:OutboundNetwork</c>).</summary>
public sealed class OutboundOnFunctionsServer : FunctionsServer
{
    protected override IReadOnlyDictionary<string, string?> Settings { get; } = new Dictionary<string, string?>
    {
        ["EdgeKv:Functions:OutboundNetwork"] = "true",
    };
}
