using System.Text;

namespace EdgeKv.Web.Downloads;

/// <summary>
/// A file name for a downloaded value, made from its key: characters no file system accepts (path separators,
/// reserved punctuation, control characters) become '_', leading dots and trailing dots or spaces go (no hidden
/// or odd files), and the name is cut to a length every system takes. A key with nothing left is "value".
/// </summary>
public static class DownloadFileName
{
    /// <summary>Characters kept at most: well under the 255-byte file-name limit even in 3-byte UTF-8.</summary>
    public const int MaxLength = 80;

    private const string Fallback = "value";

    private static readonly char[] Reserved = ['/', '\\', ':', '*', '?', '"', '<', '>', '|'];

    /// <summary>The safe file name for <paramref name="key"/>.</summary>
    public static string For(string key)
    {
        var name = new StringBuilder(Math.Min(key.Length, MaxLength));
        foreach (var rune in key.EnumerateRunes())
        {
            if (name.Length + rune.Utf16SequenceLength > MaxLength)
            {
                break;
            }

            name.Append(Rune.IsControl(rune) || (rune.IsAscii && Array.IndexOf(Reserved, (char)rune.Value) >= 0) ? "_" : rune.ToString());
        }

        var trimmed = name.ToString().TrimStart('.').TrimEnd('.', ' ');
        return trimmed.Length == 0 ? Fallback : trimmed;
    }
}
