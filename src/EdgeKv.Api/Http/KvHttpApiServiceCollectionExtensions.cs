using Microsoft.AspNetCore.OpenApi;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.OpenApi;

namespace EdgeKv.Api.Http;

/// <summary>Registers what the HTTP API needs from the host's services.</summary>
public static class KvHttpApiServiceCollectionExtensions
{
    /// <summary>
    /// Adds an OpenAPI document (served by the host's <c>app.MapOpenApi()</c> at <c>/openapi/{documentName}.json</c>)
    /// titled for the HTTP API, declaring its bearer-token authentication.
    /// </summary>
    public static IServiceCollection AddKvHttpApiDocument(this IServiceCollection services, string documentName = "v1")
    {
        ArgumentNullException.ThrowIfNull(services);
        return services.AddOpenApi(documentName, options =>
        {
            options.AddDocumentTransformer(DescribeAsync);
            options.AddOperationTransformer(AddNamespaceParameterAsync);
        });
    }

    /// <summary>
    /// The handlers never bind <c>{namespaceId}</c> (the access filter reads it), so the generator leaves it out of
    /// the operations; every route of the API has it.
    /// </summary>
    private static Task AddNamespaceParameterAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        var route = context.Description.RelativePath ?? "";
        operation.Parameters ??= [];
        if (route.Contains("{namespaceId}", StringComparison.Ordinal) && !operation.Parameters.Any(p => p.Name == "namespaceId"))
        {
            operation.Parameters.Insert(0, new OpenApiParameter
            {
                Name = "namespaceId",
                In = ParameterLocation.Path,
                Required = true,
                Description = "The namespace.",
                Schema = new OpenApiSchema { Type = JsonSchemaType.String },
            });
        }

        return Task.CompletedTask;
    }

    private static Task DescribeAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        document.Info.Title = "EdgeKv HTTP API";
        document.Info.Description = "String keys and values of an EdgeKv namespace (EdgeOne/Cloudflare style), bulk writes and Server-Sent-Events watch, and management of the account's namespaces. Authorize with 'Authorization: Bearer <access token>' (managing namespaces needs a token over all namespaces of the account).";
        var scheme = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.Http,
            Scheme = "bearer",
            Description = "An access token (read-only tokens may only read; managing namespaces needs a token over all namespaces).",
        };
        document.Components ??= new OpenApiComponents();
        document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
        document.Components.SecuritySchemes["bearer"] = scheme;
        document.Security ??= [];
        document.Security.Add(new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference("bearer", document)] = [] });
        return Task.CompletedTask;
    }
}
