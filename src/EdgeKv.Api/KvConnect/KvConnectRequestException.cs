namespace EdgeKv.Api.KvConnect;

/// <summary>A KV Connect request the protocol layer refuses (400) before it reaches the engine; nothing changed.</summary>
internal sealed class KvConnectRequestException(string message) : Exception(message);
