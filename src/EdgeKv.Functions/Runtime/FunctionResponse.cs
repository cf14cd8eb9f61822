namespace EdgeKv.Functions.Runtime;

/// <summary>
/// What a function answered: status, headers and body; <see cref="NoHandler"/> when its file exports no handler for the
/// method, <see cref="TooLarge"/> when its body was over <see cref="FunctionLimits.MaxResponseBodyBytes"/> (not sent).
/// </summary>
internal sealed record FunctionResponse(int Status, IReadOnlyList<KeyValuePair<string, string>> Headers, byte[] Body, bool NoHandler, bool TooLarge = false);
