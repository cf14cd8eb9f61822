using System.Collections;

namespace EdgeKv.Core.Keys;

/// <summary>
/// A Deno KV key: an ordered tuple of <see cref="KvKeyPart"/>s. Keys order by their tuple-layer encoding
/// (<see cref="Encode"/>), which is byte-for-byte the encoding Deno KV stores, so two keys compare here exactly as
/// they do in Deno. Immutable.
/// </summary>
public sealed class KvKey : IReadOnlyList<KvKeyPart>, IEquatable<KvKey>, IComparable<KvKey>
{
    private readonly KvKeyPart[] _parts;
    private byte[]? _encoded;

    /// <summary>Makes a key of the given parts.</summary>
    public KvKey(params KvKeyPart[] parts) => _parts = (KvKeyPart[])parts.Clone();

    /// <summary>Makes a key of the given parts.</summary>
    public KvKey(IEnumerable<KvKeyPart> parts) => _parts = parts.ToArray();

    /// <summary>Shorthand for <c>new KvKey(parts)</c>: <c>KvKey.Of("users", "alex")</c>.</summary>
    public static KvKey Of(params KvKeyPart[] parts) => new(parts);

    /// <summary>The empty key (no parts): a valid prefix for listing everything, never a key to write.</summary>
    public static KvKey Empty { get; } = new();

    /// <inheritdoc />
    public int Count => _parts.Length;

    /// <inheritdoc />
    public KvKeyPart this[int index] => _parts[index];

    /// <summary>The key's tuple-layer bytes, as Deno KV stores them. The array is shared: do not modify it.</summary>
    public byte[] Encode() => _encoded ??= KeyCodec.Encode(this);

    /// <summary>Decodes tuple-layer bytes (the exact inverse of <see cref="Encode"/>).</summary>
    /// <exception cref="KvException">The bytes are not a valid encoded key.</exception>
    public static KvKey Decode(ReadOnlySpan<byte> encoded) => KeyCodec.Decode(encoded);

    /// <summary>
    /// Decodes bytes the caller hands over for good (read from storage) and keeps them as the key's encoding, so a
    /// later <see cref="Encode"/> of a listed key costs nothing.
    /// </summary>
    internal static KvKey DecodeOwned(byte[] encoded)
    {
        // Kept even where they are not canonical (a row stored under -NaN before every NaN became JavaScript's),
        // so a listed key still addresses its own row.
        var key = KeyCodec.Decode(encoded);
        key._encoded = encoded;
        return key;
    }

    /// <summary>True when this key starts with every part of <paramref name="prefix"/> and has more parts.</summary>
    public bool IsStrictlyUnder(KvKey prefix)
    {
        if (Count <= prefix.Count)
        {
            return false;
        }

        for (var i = 0; i < prefix.Count; i++)
        {
            if (!_parts[i].Equals(prefix._parts[i]))
            {
                return false;
            }
        }

        return true;
    }

    /// <inheritdoc />
    public int CompareTo(KvKey? other) => other is null ? 1 : Encode().AsSpan().SequenceCompareTo(other.Encode());

    /// <inheritdoc />
    public bool Equals(KvKey? other) => other is not null && Encode().AsSpan().SequenceEqual(other.Encode());

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as KvKey);

    /// <inheritdoc />
    public override int GetHashCode()
    {
        var hash = new HashCode();
        hash.AddBytes(Encode());
        return hash.ToHashCode();
    }

    /// <summary>The key as Deno prints it: <c>["users", 42n, true]</c>.</summary>
    public override string ToString() => KvKeyFormatter.Format(this);

    /// <inheritdoc />
    public IEnumerator<KvKeyPart> GetEnumerator() => ((IEnumerable<KvKeyPart>)_parts).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
