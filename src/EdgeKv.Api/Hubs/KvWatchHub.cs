using System.Buffers;
using System.Runtime.CompilerServices;
using System.Text.Json;
using EdgeKv.Api.Access;
using EdgeKv.Api.Http;
using EdgeKv.Api.Http.Keys;
using EdgeKv.Api.Http.Watch;
using EdgeKv.Api.Watching;
using EdgeKv.Core;
using EdgeKv.Domain.Storage;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.SignalR;

namespace EdgeKv.Api.Hubs;

/// <summary>
/// The watch of the HTTP API over SignalR, for browsers: streams of the same event objects the SSE watch sends as
/// <c>data:</c> (<c>{"versionstamp","initial","keys":[...]}</c>, see docs/http-api.md). Each call is authorized by
/// the access token (the <c>access_token</c> query parameter the SignalR client sends, or a bearer header) under the
/// same namespace read policy as the SSE watch (<see cref="KvAccessPolicies.NamespaceRead"/>), so a revoked token
/// cannot start a new watch; a refusal is a <see cref="HubException"/> with the HTTP API's message. A stream ends when
/// its grant does (token revoked or expired, scope or account changed).
/// </summary>
public sealed class KvWatchHub(IAuthorizationService authorization, WatchStreamGate gate) : Hub
{
    /// <summary>Watches up to 10 string keys (Deno's <c>kv.watch</c>): their current state, then every change.</summary>
    public async IAsyncEnumerable<JsonElement> WatchKeys(
        string namespaceId, string[] keys, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var scope = Validated(() => new KeysWatchScope(keys ?? []));
        await foreach (var item in WatchAsync(namespaceId, scope, null, cancellationToken))
        {
            yield return item;
        }
    }

    /// <summary>Watches every string key under <paramref name="prefix"/>, resumed after a versionstamp when given.</summary>
    public async IAsyncEnumerable<JsonElement> WatchPrefix(
        string namespaceId, string prefix, string? after, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var scope = Validated(() => new PrefixWatchScope(StringKeys.ValidatePrefix(prefix)));
        var resumeFrom = ResumePoint(after);
        await foreach (var item in WatchAsync(namespaceId, scope, resumeFrom, cancellationToken))
        {
            yield return item;
        }
    }

    private async IAsyncEnumerable<JsonElement> WatchAsync(
        string namespaceId, WatchScope scope, Versionstamp? after, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var grant = await KvAccess.AuthorizeHubCallAsync(
            Context.GetHttpContext(), authorization, KvAccessPolicies.NamespaceRead, namespaceId, cancellationToken);
        using var lease = gate.TryOpen(grant, WatchProtocols.SignalR) ?? throw new HubException(KvAccessErrors.TooManyWatchStreams);
        using var ended = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, grant.Lifetime);
        await using var batches = WatchFeed.Subscribe(grant.Store, scope, after, ended.Token).GetAsyncEnumerator(ended.Token);
        var reads = KvReadCounter.Of(Context.GetHttpContext()!, grant);
        while (await NextOrEndAsync(batches, grant.Lifetime, cancellationToken))
        {
            var batch = batches.Current.CountedBy(reads);
            if (await ToJsonAsync(batch, ended.Token) is { } json)
            {
                yield return json;
            }
        }
    }

    /// <summary>
    /// The next event, or false when the store closed under the watch or the grant ended (the stream then ends; the
    /// client re-watches and is checked again). An unavailable storage ends the stream with its message, so the client
    /// can tell it from a closed store.
    /// </summary>
    private static async Task<bool> NextOrEndAsync(IAsyncEnumerator<WatchBatch> batches, CancellationToken grantLifetime, CancellationToken callAborted)
    {
        try
        {
            return await batches.MoveNextAsync();
        }
        catch (KvException e) when (StorageUnavailability.IsUnavailable(e))
        {
            throw new HubException(KvRefusal.Unavailable.Message);
        }
        catch (KvException)
        {
            return false;
        }
        catch (OperationCanceledException) when (grantLifetime.IsCancellationRequested && !callAborted.IsCancellationRequested)
        {
            return false;
        }
    }

    /// <summary>The event's JSON, written by the SSE watch's own writer; null for an event that is not sent.</summary>
    private static async Task<JsonElement?> ToJsonAsync(WatchBatch batch, CancellationToken cancellationToken)
    {
        var buffer = new ArrayBufferWriter<byte>();
        var any = false;
        await using (var json = new Utf8JsonWriter(buffer, WatchEventJson.Options))
        {
            WatchEventJson.WriteStart(json, batch.Id, batch.Initial);
            await foreach (var entry in batch.Entries.WithCancellation(cancellationToken))
            {
                WatchEntryJson.Write(json, entry);
                any = true;
            }

            WatchEventJson.WriteEnd(json);
        }

        if (!any && !batch.EvenIfEmpty)
        {
            return null;
        }

        using var document = JsonDocument.Parse(buffer.WrittenMemory);
        return document.RootElement.Clone();
    }

    private static WatchScope Validated(Func<WatchScope> create)
    {
        try
        {
            return create();
        }
        catch (KvException e)
        {
            throw new HubException(e.Message);
        }
        catch (KvHttpRequestException e)
        {
            throw new HubException(e.Message);
        }
    }

    private static Versionstamp? ResumePoint(string? after)
    {
        if (string.IsNullOrWhiteSpace(after))
        {
            return null;
        }

        return Versionstamp.TryParse(after.Trim(), out var versionstamp)
            ? versionstamp
            : throw new HubException(KvHttpErrors.InvalidAfter);
    }
}
