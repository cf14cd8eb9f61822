namespace EdgeKv.Functions.Outbound;

/// <summary>A function's <c>fetch</c> refused by the host (off, an internal address, a scheme, a size): its message is the function's TypeError.</summary>
public sealed class FetchRefusedException(string message) : Exception(message);
