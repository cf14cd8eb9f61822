using System.Text;
using EdgeKv.Core;
using EdgeKv.Core.Keys;

namespace EdgeKv.Api.Http.Keys;

/// <summary>
/// The HTTP API's keys are EdgeOne's string keys: a string <c>k</c> of 1..512 UTF-8 bytes is the one-part tuple key
/// <c>["k"]</c>, so a record is the same through this API, the EdgeOne API, Deno clients and the console. The rules are
/// <see cref="StringKeyModel"/>'s; only the HTTP-specific prefix check is here.
/// </summary>
internal static class StringKeys
{
    /// <summary>The tuple key of <paramref name="key"/>; throws the engine's <see cref="KvErrors.EdgeOneKeyLength"/>.</summary>
    public static KvKey ToTupleKey(string key) => StringKeyModel.ToTupleKey(key);

    /// <summary>A list prefix: at most as long as a key (<see cref="KvHttpErrors.PrefixTooLong"/>).</summary>
    public static string ValidatePrefix(string? prefix)
    {
        prefix ??= "";
        return Encoding.UTF8.GetByteCount(prefix) > KvLimits.MaxEdgeOneKeyBytes
            ? throw KvHttpRequestException.BadRequest(KvHttpErrors.PrefixTooLong)
            : prefix;
    }
}
