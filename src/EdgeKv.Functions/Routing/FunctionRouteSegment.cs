namespace EdgeKv.Functions.Routing;

/// <summary>
/// One segment of a route: a literal name, a dynamic <c>[name]</c> (one path segment) or a catch-all <c>[[name]]</c>
/// (the rest of the path). The order of <see cref="Kind"/> is the order of precedence: a literal wins over a dynamic
/// segment, which wins over a catch-all.
/// </summary>
internal sealed record FunctionRouteSegment(FunctionRouteSegmentKind Kind, string Name)
{
    public static FunctionRouteSegment Parse(string segment) =>
        segment.StartsWith("[[", StringComparison.Ordinal) && segment.EndsWith("]]", StringComparison.Ordinal) && segment.Length > 4
            ? new(FunctionRouteSegmentKind.CatchAll, segment[2..^2])
            : segment.StartsWith('[') && segment.EndsWith(']') && segment.Length > 2
                ? new(FunctionRouteSegmentKind.Dynamic, segment[1..^1])
                : new(FunctionRouteSegmentKind.Literal, segment);
}

/// <summary>What a route segment matches, in order of precedence.</summary>
internal enum FunctionRouteSegmentKind
{
    /// <summary>Exactly its name.</summary>
    Literal,

    /// <summary>Any one segment, given to the function as <c>params.name</c>.</summary>
    Dynamic,

    /// <summary>The rest of the path (zero or more segments), given as <c>params.name</c>, an array of segments.</summary>
    CatchAll,
}
