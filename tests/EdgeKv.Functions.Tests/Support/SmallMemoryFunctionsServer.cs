using System.Globalization;

namespace EdgeKv.Functions.Tests.Support;

/// <summary>
/// A <see cref="FunctionsServer"/> whose memory limit is small (<see cref="MemoryMegabytes"/>), so a memory bomb crosses
/// it after a few allocations. An empty runtime of ours is about 32–36 MiB resident on its own (measured at its loading
/// frame and at ready): the limit counts what the function adds on top of that.
/// </summary>
public sealed class SmallMemoryFunctionsServer : FunctionsServer
{
    public const int MemoryMegabytes = 32;

    protected override IReadOnlyDictionary<string, string?> Settings { get; } = new Dictionary<string, string?>
    {
        ["EdgeKv:Functions:MemoryMegabytes"] = MemoryMegabytes.ToString(CultureInfo.InvariantCulture),
    };
}
