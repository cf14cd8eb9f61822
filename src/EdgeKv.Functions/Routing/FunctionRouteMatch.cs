namespace EdgeKv.Functions.Routing;

/// <summary>The file a request path is routed to and the route's parameters (a string, or an array for a catch-all).</summary>
internal sealed record FunctionRouteMatch(string File, IReadOnlyDictionary<string, object> Params);
