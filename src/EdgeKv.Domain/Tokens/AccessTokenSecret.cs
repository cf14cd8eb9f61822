using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;

namespace EdgeKv.Domain.Tokens;

/// <summary>
/// The shape of access token secrets: <c>ekv_</c> followed by 32 random bytes from the operating system's CSPRNG in
/// base64url (43 characters), 47 characters in all. The marker makes a leaked token easy to recognise (secret
/// scanners, logs); the random part carries 256 bits of entropy.
/// </summary>
public static class AccessTokenSecret
{
    /// <summary>What every secret starts with.</summary>
    public const string Marker = "ekv_";

    /// <summary>Random bytes in a secret.</summary>
    public const int RandomBytes = 32;

    /// <summary>Characters of a secret: the marker and the base64url of the random bytes (no padding).</summary>
    public const int Length = 47;

    /// <summary>
    /// Characters of the stored, displayed prefix: the marker and 8 random characters (48 bits). Enough to tell a
    /// user's tokens apart and to find the candidate rows by index; far too little to guess the rest from.
    /// </summary>
    public const int PrefixLength = 12;

    /// <summary>A new secret.</summary>
    public static string Generate() => Marker + Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(RandomBytes));

    /// <summary>True when <paramref name="secret"/> has the shape of a secret (it may still name no token).</summary>
    public static bool IsWellFormed(string? secret) =>
        secret is { Length: Length }
        && secret.StartsWith(Marker, StringComparison.Ordinal)
        && Base64Url.IsValid(secret.AsSpan(Marker.Length));

    /// <summary>The stored prefix of <paramref name="secret"/>.</summary>
    public static string PrefixOf(string secret) => secret[..PrefixLength];

    /// <summary>
    /// The stored hash of <paramref name="secret"/>: SHA-256 of its UTF-8 bytes. A fast hash is the right tool here,
    /// unlike for passwords: slow, salted hashes (PBKDF2, bcrypt) exist to make guessing low-entropy passwords
    /// expensive, but a secret of 256 random bits cannot be guessed however fast the hash, and SHA-256 is not
    /// invertible. Fast also matters: every program request verifies its token.
    /// </summary>
    public static byte[] Hash(string secret) => SHA256.HashData(Encoding.UTF8.GetBytes(secret));

    /// <summary>Compares two hashes in time that does not depend on where they differ.</summary>
    public static bool HashesEqual(ReadOnlySpan<byte> left, ReadOnlySpan<byte> right) =>
        CryptographicOperations.FixedTimeEquals(left, right);
}
