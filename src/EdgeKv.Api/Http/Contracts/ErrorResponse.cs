namespace EdgeKv.Api.Http.Contracts;

/// <summary>The body of every error answer.</summary>
/// <param name="Error">What went wrong.</param>
internal sealed record ErrorResponse(ErrorDetail Error);

/// <summary>One error: a stable code for programs and a message for people.</summary>
/// <param name="Code">One of <see cref="KvHttpErrorCodes"/>.</param>
/// <param name="Message">The exact message.</param>
internal sealed record ErrorDetail(string Code, string Message);
