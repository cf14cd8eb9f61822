using EdgeKv.Core.Keys;
using EdgeKv.Core.Values;

namespace EdgeKv.Core.Tests.Support;

/// <summary>Short names for the keys and values tests use.</summary>
internal static class Keys
{
    public static KvKey K(params KvKeyPart[] parts) => new(parts);

    public static KvValue Text(string text) => KvValue.Text(text);

    public static string? TextOf(Store.KvEntry entry) => entry.Value?.AsText();
}
