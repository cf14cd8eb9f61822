using System.Buffers.Binary;

namespace EdgeKv.Core;

/// <summary>
/// A commit's 10-byte versionstamp: an 8-byte big-endian commit version followed by a 2-byte big-endian index
/// (always 0 here: one store commits one batch per version). Versionstamps of one store strictly increase
/// across commits and restarts; they order as their bytes and print as 20 lowercase hex characters, as Deno's do.
/// </summary>
public readonly struct Versionstamp : IEquatable<Versionstamp>, IComparable<Versionstamp>
{
    /// <summary>Length of a versionstamp in bytes.</summary>
    public const int Length = 10;

    private Versionstamp(ulong commitVersion, ushort index)
    {
        CommitVersion = commitVersion;
        Index = index;
    }

    /// <summary>The commit version (the first 8 bytes).</summary>
    public ulong CommitVersion { get; }

    /// <summary>The index within the commit (the last 2 bytes).</summary>
    public ushort Index { get; }

    /// <summary>The versionstamp of commit <paramref name="commitVersion"/>.</summary>
    public static Versionstamp FromCommitVersion(ulong commitVersion, ushort index = 0) => new(commitVersion, index);

    /// <summary>Reads the 10 bytes of a versionstamp.</summary>
    /// <exception cref="ArgumentException">Not exactly 10 bytes.</exception>
    public static Versionstamp FromBytes(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length != Length)
        {
            throw new ArgumentException("A versionstamp is exactly 10 bytes.", nameof(bytes));
        }

        return new(BinaryPrimitives.ReadUInt64BigEndian(bytes), BinaryPrimitives.ReadUInt16BigEndian(bytes[8..]));
    }

    /// <summary>Parses 20 hex characters; false for anything else.</summary>
    public static bool TryParse(string? text, out Versionstamp versionstamp)
    {
        versionstamp = default;
        if (text is null || text.Length != Length * 2)
        {
            return false;
        }

        Span<byte> bytes = stackalloc byte[Length];
        if (Convert.FromHexString(text, bytes, out _, out _) != System.Buffers.OperationStatus.Done)
        {
            return false;
        }

        versionstamp = FromBytes(bytes);
        return true;
    }

    /// <summary>Parses 20 hex characters.</summary>
    /// <exception cref="FormatException">Not a versionstamp.</exception>
    public static Versionstamp Parse(string text) =>
        TryParse(text, out var versionstamp) ? versionstamp : throw new FormatException($"'{text}' is not a versionstamp (20 hex characters).");

    /// <summary>The 10 bytes.</summary>
    public byte[] ToBytes()
    {
        var bytes = new byte[Length];
        BinaryPrimitives.WriteUInt64BigEndian(bytes, CommitVersion);
        BinaryPrimitives.WriteUInt16BigEndian(bytes.AsSpan(8), Index);
        return bytes;
    }

    /// <summary>20 lowercase hex characters, e.g. <c>00000000000000010000</c>.</summary>
    public override string ToString() => Convert.ToHexStringLower(ToBytes());

    /// <inheritdoc />
    public int CompareTo(Versionstamp other)
    {
        var byVersion = CommitVersion.CompareTo(other.CommitVersion);
        return byVersion != 0 ? byVersion : Index.CompareTo(other.Index);
    }

    /// <inheritdoc />
    public bool Equals(Versionstamp other) => CommitVersion == other.CommitVersion && Index == other.Index;

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is Versionstamp other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(CommitVersion, Index);

    /// <summary>Equal versionstamps.</summary>
    public static bool operator ==(Versionstamp left, Versionstamp right) => left.Equals(right);

    /// <summary>Different versionstamps.</summary>
    public static bool operator !=(Versionstamp left, Versionstamp right) => !left.Equals(right);

    /// <summary>Earlier.</summary>
    public static bool operator <(Versionstamp left, Versionstamp right) => left.CompareTo(right) < 0;

    /// <summary>Later.</summary>
    public static bool operator >(Versionstamp left, Versionstamp right) => left.CompareTo(right) > 0;

    /// <summary>Earlier or equal.</summary>
    public static bool operator <=(Versionstamp left, Versionstamp right) => left.CompareTo(right) <= 0;

    /// <summary>Later or equal.</summary>
    public static bool operator >=(Versionstamp left, Versionstamp right) => left.CompareTo(right) >= 0;
}
