using System.Buffers;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace EdgeKv.Api.Http.Values;

/// <summary>
/// Reads a request body into memory as it streams in, never more than a limit: a declared Content-Length over it is
/// refused before a byte is read, and a chunked body is cut off at the first byte past it.
/// </summary>
internal static class BoundedBody
{
    private const int ChunkBytes = 81920;

    /// <summary>The body, or null when it is longer than <paramref name="maxBytes"/>.</summary>
    public static async Task<byte[]?> ReadAsync(HttpContext context, int maxBytes)
    {
        var request = context.Request;
        // The server's own cap (about 28.6 MiB by default) must not answer first, with its message instead of ours.
        // It is not exact for chunked bodies (it counts the chunk framing too), so it gets a quarter more room: the
        // count below is the exact limit, and this one still bounds what the server drains after an early answer.
        var sizeFeature = context.Features.Get<IHttpMaxRequestBodySizeFeature>();
        if (sizeFeature is { IsReadOnly: false })
        {
            sizeFeature.MaxRequestBodySize = maxBytes + (maxBytes / 4L);
        }

        // Refused unread; within the cap above the server drains it after answering, so the client, still sending,
        // gets the answer instead of a reset connection.
        if (request.ContentLength > maxBytes)
        {
            return null;
        }

        using var buffer = new MemoryStream(InitialCapacity(request.ContentLength));
        var chunk = ArrayPool<byte>.Shared.Rent(ChunkBytes);
        try
        {
            int read;
            while ((read = await request.Body.ReadAsync(chunk.AsMemory(0, ChunkBytes), context.RequestAborted)) > 0)
            {
                if (buffer.Length + read > maxBytes)
                {
                    return null;
                }

                buffer.Write(chunk, 0, read);
            }
        }
        catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return null;
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(chunk);
        }

        return buffer.Length == buffer.Capacity ? buffer.GetBuffer() : buffer.ToArray();
    }

    /// <summary>
    /// The buffer's first size: the declared length only up to one chunk. A Content-Length is a claim, not bytes; sized
    /// from it, a few requests declaring 25 MiB and sending nothing would hold that much memory each. The buffer grows
    /// as the bytes actually arrive.
    /// </summary>
    internal static int InitialCapacity(long? declaredLength) =>
        declaredLength is { } length and > 0 ? (int)Math.Min(length, ChunkBytes) : 0;
}
