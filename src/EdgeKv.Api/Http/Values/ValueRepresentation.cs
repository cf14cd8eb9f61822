namespace EdgeKv.Api.Http.Values;

/// <summary>
/// How <c>GET .../values/{key}</c> answers: raw bytes by default; text or JSON when <c>?type=</c> (EdgeOne's names:
/// <c>text</c>, <c>json</c>, <c>arrayBuffer</c>, <c>stream</c>) or, without it, the Accept header asks for
/// <c>text/plain</c> or <c>application/json</c>.
/// </summary>
internal enum ValueRepresentation
{
    Bytes,
    Text,
    Json,
}
