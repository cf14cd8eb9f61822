using System.Text;
using System.Text.RegularExpressions;
using EdgeKv.Domain.Errors;

namespace EdgeKv.Domain.Deployments;

/// <summary>
/// The files a deployment may hold: paths under <c>functions/</c> made of plain segments (letters, digits, '-', '_',
/// '.', and the routing brackets of <c>[id]</c> and <c>[[default]]</c>), never absolute, never '.' or '..', ending in
/// <c>.js</c> or <c>.ts</c>; at most <see cref="MaxFiles"/> files of <see cref="MaxTotalBytes"/> together. The runtime
/// writes them under one folder, so a path must not be able to name anything outside it.
/// </summary>
public static partial class FunctionFilePaths
{
    /// <summary>Files per deployment.</summary>
    public const int MaxFiles = 200;

    /// <summary>UTF-8 bytes of all sources of a deployment together (5 MiB).</summary>
    public const int MaxTotalBytes = 5 * 1024 * 1024;

    /// <summary>Bytes of one path.</summary>
    public const int MaxPathLength = 256;

    /// <summary>
    /// Checks <paramref name="files"/> (path → source); throws the error of the first fault (count, path, size), each
    /// with its own code. Returns their UTF-8 bytes together (the size the audit log records).
    /// </summary>
    public static long Validate(IReadOnlyDictionary<string, string> files)
    {
        ArgumentNullException.ThrowIfNull(files);
        if (files.Count is 0 or > MaxFiles)
        {
            throw DomainErrors.FunctionFileCount.With(MaxFiles).ToException();
        }

        long total = 0;
        foreach (var (path, content) in files)
        {
            if (!IsValid(path))
            {
                throw DomainErrors.FunctionFilePath.With(path).ToException();
            }

            total += Encoding.UTF8.GetByteCount(content ?? "");
        }

        if (total > MaxTotalBytes)
        {
            throw DomainErrors.FunctionFilesTooLarge.With(MaxTotalBytes).ToException();
        }

        return total;
    }

    /// <summary>True for a path a deployment may hold.</summary>
    public static bool IsValid(string? path) =>
        path is { Length: > 0 and <= MaxPathLength }
        && (path.EndsWith(".js", StringComparison.Ordinal) || path.EndsWith(".ts", StringComparison.Ordinal))
        && path.Split('/').All(segment => segment is not ("" or "." or "..") && Segment().IsMatch(segment));

    [GeneratedRegex(@"^[A-Za-z0-9_\-\.\[\]]+$")]
    private static partial Regex Segment();
}
