using EdgeKv.Api.Access;
using System.Text.Json;
using EdgeKv.Api.Http.Contracts;
using EdgeKv.Domain.Errors;
using EdgeKv.Domain.Namespaces;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace EdgeKv.Api.Http.Endpoints;

/// <summary>
/// The account-level endpoints: <c>GET</c> and <c>POST /api/v1/namespaces</c>, <c>PATCH</c> and
/// <c>DELETE /api/v1/namespaces/{namespaceId}</c>. They act as the token's owner through
/// <see cref="NamespaceService"/>, so quotas, names and account rules are the console's.
/// </summary>
internal static class NamespaceEndpoints
{
    /// <summary>A create or rename body is a name: far below this.</summary>
    private const int MaxBodyBytes = 4096;

    public static async Task<IResult> ListAsync(HttpContext context)
    {
        var caller = KvAccess.CallerOf(context);
        var namespaces = await Service(context).ListAsync(caller, null, context.RequestAborted);
        return Results.Json(namespaces.Select(ToResponse).ToList(), KvHttpJson.Options);
    }

    public static async Task<IResult> CreateAsync(HttpContext context)
    {
        var caller = KvAccess.CallerOf(context);
        var name = await ReadNameAsync(context);
        var created = await Service(context).CreateAsync(caller, name, null, context.RequestAborted);
        return Results.Json(ToResponse(created), KvHttpJson.Options, statusCode: StatusCodes.Status201Created);
    }

    public static async Task<IResult> RenameAsync(HttpContext context, string namespaceId)
    {
        var caller = KvAccess.CallerOf(context);
        var name = await ReadNameAsync(context);
        var service = Service(context);
        var ns = await FindAsync(context, service, namespaceId);
        var renamed = await service.RenameAsync(caller, ns.Id, name, context.RequestAborted);
        return Results.Json(ToResponse(renamed), KvHttpJson.Options);
    }

    public static async Task<IResult> DeleteAsync(HttpContext context, string namespaceId)
    {
        var caller = KvAccess.CallerOf(context);
        var service = Service(context);
        var ns = await FindAsync(context, service, namespaceId);
        await service.DeleteAsync(caller, ns.Id, context.RequestAborted);
        return Results.NoContent();
    }

    private static NamespaceService Service(HttpContext context) => context.RequestServices.GetRequiredService<NamespaceService>();

    private static NamespaceResponse ToResponse(NamespaceView ns) => new(ns.StoreId, ns.Name, ns.KeyCount, ns.StoredBytes, ns.CreatedAt);

    // The routes name a namespace by its engine store id; the domain by its database id. Only the caller's own are
    // searched, so another user's namespace is not found, as the console answers.
    private static async Task<NamespaceView> FindAsync(HttpContext context, NamespaceService service, string storeId)
    {
        var caller = KvAccess.CallerOf(context);
        var mine = await service.ListAsync(caller, null, context.RequestAborted);
        return mine.FirstOrDefault(ns => string.Equals(ns.StoreId, storeId, StringComparison.Ordinal))
            ?? throw DomainErrors.NamespaceNotFound.ToException();
    }

    private static async Task<string> ReadNameAsync(HttpContext context)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[1024];
        int read;
        while ((read = await context.Request.Body.ReadAsync(chunk, context.RequestAborted)) > 0)
        {
            buffer.Write(chunk, 0, read);
            if (buffer.Length > MaxBodyBytes)
            {
                throw KvHttpRequestException.BadRequest(KvHttpErrors.NamespaceNameBody);
            }
        }

        try
        {
            var body = JsonSerializer.Deserialize<NamespaceNameRequest>(buffer.ToArray(), KvHttpJson.Options);
            return body?.Name ?? throw KvHttpRequestException.BadRequest(KvHttpErrors.NamespaceNameBody);
        }
        catch (JsonException)
        {
            throw KvHttpRequestException.BadRequest(KvHttpErrors.NamespaceNameBody);
        }
    }
}
