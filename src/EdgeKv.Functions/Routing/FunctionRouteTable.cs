using System.Collections.Concurrent;

namespace EdgeKv.Functions.Routing;

/// <summary>
/// EdgeOne's file-based routing over a deployment's <c>functions/</c> files: <c>index.js</c> → <c>/</c>,
/// <c>hello.js</c> → <c>/hello</c>, <c>hello/index.js</c> → <c>/hello</c>, <c>api/users/[id].js</c> →
/// <c>/api/users/42</c> with <c>params.id = "42"</c>, <c>[[default]].js</c> → any path below its folder. When several
/// files match, the most specific wins: segment by segment, a literal before a dynamic segment before a catch-all.
/// </summary>
internal sealed class FunctionRouteTable
{
    // Paths seen, with their match (null: no route): a deployment's routes never change, and a site's requests
    // mostly ask a few paths again and again. Bounded, so a crawler of random paths cannot grow it without end.
    private const int RememberedPaths = 1024;
    private readonly ConcurrentDictionary<string, FunctionRouteMatch?> _matched = new(StringComparer.Ordinal);
    private readonly List<(string File, FunctionRouteSegment[] Segments)> _routes;

    public FunctionRouteTable(IEnumerable<string> files)
    {
        _routes = [.. files.Select(file => (file, ParseFile(file)))];
    }

    /// <summary>The route of <paramref name="path"/> (URL path below the project, e.g. <c>/api/users/42</c>), or null.</summary>
    public FunctionRouteMatch? Match(string path)
    {
        if (_matched.TryGetValue(path, out var remembered))
        {
            return remembered;
        }

        var match = Find(path);
        if (_matched.Count < RememberedPaths)
        {
            _matched.TryAdd(path, match);
        }

        return match;
    }

    private FunctionRouteMatch? Find(string path)
    {
        var parts = path.Split('/', StringSplitOptions.RemoveEmptyEntries).Select(Uri.UnescapeDataString).ToArray();
        FunctionRouteMatch? best = null;
        FunctionRouteSegment[]? bestSegments = null;
        foreach (var (file, segments) in _routes)
        {
            if (TryMatch(segments, parts) is { } parameters && (bestSegments is null || Compare(segments, bestSegments) < 0))
            {
                best = new FunctionRouteMatch(file, parameters);
                bestSegments = segments;
            }
        }

        return best;
    }

    private static FunctionRouteSegment[] ParseFile(string file)
    {
        var withoutExtension = file[..file.LastIndexOf('.')];
        var segments = withoutExtension.Split('/').ToList();
        if (segments[^1] == "index")
        {
            segments.RemoveAt(segments.Count - 1);
        }

        return [.. segments.Select(FunctionRouteSegment.Parse)];
    }

    private static Dictionary<string, object>? TryMatch(FunctionRouteSegment[] segments, string[] parts)
    {
        var parameters = new Dictionary<string, object>(StringComparer.Ordinal);
        for (var i = 0; i < segments.Length; i++)
        {
            var segment = segments[i];
            if (segment.Kind == FunctionRouteSegmentKind.CatchAll)
            {
                parameters[segment.Name] = parts[i..];
                return parameters;
            }

            if (i >= parts.Length)
            {
                return null;
            }

            if (segment.Kind == FunctionRouteSegmentKind.Dynamic)
            {
                parameters[segment.Name] = parts[i];
            }
            else if (!string.Equals(segment.Name, parts[i], StringComparison.Ordinal))
            {
                return null;
            }
        }

        return segments.Length == parts.Length ? parameters : null;
    }

    // Segment by segment, the lower kind is more specific. Two routes that match one path differ in length only by a
    // catch-all matching nothing (files/[[rest]].js against files/index.js for /files): the shorter, exact one wins.
    private static int Compare(FunctionRouteSegment[] a, FunctionRouteSegment[] b)
    {
        for (var i = 0; i < Math.Min(a.Length, b.Length); i++)
        {
            var byKind = a[i].Kind.CompareTo(b[i].Kind);
            if (byKind != 0)
            {
                return byKind;
            }
        }

        return a.Length.CompareTo(b.Length);
    }
}
