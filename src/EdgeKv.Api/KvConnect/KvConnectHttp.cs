using System.Text;
using EdgeKv.Core;
using EdgeKv.Domain.Storage;
using Google.Protobuf;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace EdgeKv.Api.KvConnect;

/// <summary>The HTTP plumbing the KV Connect endpoints share: reading bodies, writing answers, mapping errors.</summary>
internal static class KvConnectHttp
{
    /// <summary>The content type of protobuf answers (the Node client accepts exactly this or application/protobuf).</summary>
    public const string ProtobufContentType = "application/x-protobuf";

    /// <summary>Answers with a plain-text error, which Deno clients put in the error they throw.</summary>
    public static async Task WriteErrorAsync(HttpContext context, int statusCode, string message)
    {
        context.Response.StatusCode = statusCode;
        context.Response.ContentType = "text/plain; charset=utf-8";
        await context.Response.WriteAsync(message, Encoding.UTF8, context.RequestAborted);
    }

    /// <summary>Answers 200 with a protobuf message.</summary>
    public static async Task WriteProtobufAsync(HttpContext context, IMessage message)
    {
        var body = message.ToByteArray();
        context.Response.StatusCode = StatusCodes.Status200OK;
        context.Response.ContentType = ProtobufContentType;
        context.Response.ContentLength = body.Length;
        await context.Response.Body.WriteAsync(body, context.RequestAborted);
    }

    /// <summary>The whole request body, refusing more than <paramref name="maxBytes"/> (Kestrel answers 413).</summary>
    public static async Task<byte[]> ReadBodyAsync(HttpContext context, long maxBytes)
    {
        var sizeFeature = context.Features.Get<IHttpMaxRequestBodySizeFeature>();
        if (sizeFeature is { IsReadOnly: false })
        {
            sizeFeature.MaxRequestBodySize = maxBytes;
        }

        using var buffer = new MemoryStream();
        await context.Request.Body.CopyToAsync(buffer, context.RequestAborted);
        if (buffer.Length > maxBytes)
        {
            throw new BadHttpRequestException("Request body too large.", StatusCodes.Status413PayloadTooLarge);
        }

        return buffer.ToArray();
    }

    /// <summary>
    /// Runs a handler, turning the errors a caller can fix into 400 with their message (nothing changed: the engine
    /// and the protocol layer validate before writing). An unavailable storage propagates to
    /// <see cref="Outages.StorageUnavailableAnswers"/> (503, which clients retry); anything else to the host as a 500,
    /// which clients retry too.
    /// </summary>
    public static async Task GuardAsync(HttpContext context, Func<Task> handler)
    {
        string message;
        try
        {
            await handler();
            return;
        }
        catch (KvConnectRequestException e)
        {
            message = e.Message;
        }
        catch (InvalidProtocolBufferException)
        {
            message = KvConnectErrors.InvalidProtobuf;
        }
        catch (KvException e) when (!StorageUnavailability.IsUnavailable(e))
        {
            message = e.Message;
        }

        if (!context.Response.HasStarted)
        {
            await WriteErrorAsync(context, StatusCodes.Status400BadRequest, message);
        }
    }
}
