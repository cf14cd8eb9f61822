using System.Text.Json.Nodes;

namespace EdgeKv.Functions.Runtime;

/// <summary>A frame from the runtime: a JSON <see cref="Message"/>, or the <see cref="Response"/> to request <see cref="Id"/>.</summary>
internal sealed record RuntimeFrame(JsonObject? Message, long Id = 0, FunctionResponse? Response = null);
