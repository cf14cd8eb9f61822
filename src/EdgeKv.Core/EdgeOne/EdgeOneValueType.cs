namespace EdgeKv.Core.EdgeOne;

/// <summary>What <see cref="EdgeOneKv.GetAsync(string, EdgeOneValueType, CancellationToken)"/> returns, as EdgeOne's <c>get(key, {type})</c>.</summary>
public enum EdgeOneValueType
{
    /// <summary>A <see cref="string"/> (the default).</summary>
    Text,

    /// <summary>A parsed <see cref="System.Text.Json.JsonElement"/>.</summary>
    Json,

    /// <summary>A <c>byte[]</c> (EdgeOne's <c>arrayBuffer</c>).</summary>
    ArrayBuffer,

    /// <summary>A readable <see cref="System.IO.Stream"/>.</summary>
    Stream,
}
