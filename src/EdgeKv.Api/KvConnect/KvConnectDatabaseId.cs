using System.Security.Cryptography;
using System.Text;

namespace EdgeKv.Api.KvConnect;

/// <summary>
/// The UUID KV Connect clients know a namespace by, when the domain gives none: a name-based (version 5) UUID of the
/// namespace id, so it is the same on every request and after restarts without being stored anywhere.
/// </summary>
internal static class KvConnectDatabaseId
{
    // Our own UUID namespace for "EdgeKv namespace ids" (random, fixed forever: changing it changes every id).
    private static readonly byte[] s_namespace = Guid.Parse("5f0c6a8e-3d52-4c1b-9a7e-2b8f4e61d903").ToByteArray(bigEndian: true);

    /// <summary>The database id clients see for the namespace of <paramref name="grant"/>: the grant's, or derived.</summary>
    public static Guid Of(Access.KvAccessGrant grant, string namespaceId) => grant.DatabaseId ?? For(namespaceId);

    /// <summary>The database id of <paramref name="namespaceId"/>.</summary>
    public static Guid For(string namespaceId)
    {
        var name = Encoding.UTF8.GetBytes(namespaceId);
        var input = new byte[s_namespace.Length + name.Length];
        s_namespace.CopyTo(input, 0);
        name.CopyTo(input, s_namespace.Length);

        // SHA-1 is what RFC 9562 prescribes for version 5; it names, it does not protect anything.
#pragma warning disable CA5350
        var hash = SHA1.HashData(input);
#pragma warning restore CA5350
        var bytes = hash.AsSpan(0, 16).ToArray();
        bytes[6] = (byte)((bytes[6] & 0x0F) | 0x50); // version 5
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80); // RFC variant
        return new Guid(bytes, bigEndian: true);
    }
}
