using EdgeKv.Api.Access;
using EdgeKv.Api.Diagnostics;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace EdgeKv.Api.Watching;

/// <summary>
/// Counts the open watch streams per access token and per account and refuses one past <see cref="KvWatchLimits"/>.
/// Every watch (SSE, SignalR, KV Connect) opens through here and disposes its lease when it ends, however it ends.
/// The refusal's message is <see cref="KvAccessErrors.TooManyWatchStreams"/> in every protocol.
/// </summary>
public sealed class WatchStreamGate(IOptions<KvWatchLimits> limits, ILogger<WatchStreamGate> logger)
{
    private readonly Lock _lock = new();
    private readonly Dictionary<string, int> _perToken = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _perAccount = new(StringComparer.Ordinal);

    /// <summary>A lease on one more open stream for the holder of <paramref name="grant"/>, or null when a limit is reached.</summary>
    public IDisposable? TryOpen(KvAccessGrant grant, string protocol)
    {
        ArgumentNullException.ThrowIfNull(grant);
        var tokenKey = grant.TokenId ?? throw new ArgumentException("A watch needs the granting token's id.", nameof(grant));
        var accountKey = grant.AccountId;
        var settings = limits.Value;
        lock (_lock)
        {
            var byToken = _perToken.GetValueOrDefault(tokenKey);
            var byAccount = accountKey is null ? 0 : _perAccount.GetValueOrDefault(accountKey);
            if (byToken >= settings.MaxStreamsPerToken || byAccount >= settings.MaxStreamsPerAccount)
            {
                var scope = byToken >= settings.MaxStreamsPerToken ? "token" : "account";
                ApiLog.WatchLimitReached(logger, protocol, scope, tokenKey, accountKey ?? "(unknown)");
                ApiMetrics.WatchRefused(protocol, scope);
                return null;
            }

            _perToken[tokenKey] = byToken + 1;
            if (accountKey is not null)
            {
                _perAccount[accountKey] = byAccount + 1;
            }
        }

        ApiMetrics.WatchOpened(protocol);
        return new Lease(this, tokenKey, accountKey, protocol);
    }

    /// <summary>The streams open now (for tests and diagnostics).</summary>
    public int OpenCount
    {
        get
        {
            lock (_lock)
            {
                return _perToken.Values.Sum();
            }
        }
    }

    private void Close(string tokenKey, string? accountKey, string protocol)
    {
        lock (_lock)
        {
            Decrement(_perToken, tokenKey);
            if (accountKey is not null)
            {
                Decrement(_perAccount, accountKey);
            }
        }

        ApiMetrics.WatchClosed(protocol);
    }

    private static void Decrement(Dictionary<string, int> counts, string key)
    {
        var left = counts.GetValueOrDefault(key) - 1;
        if (left <= 0)
        {
            counts.Remove(key);
        }
        else
        {
            counts[key] = left;
        }
    }

    private sealed class Lease(WatchStreamGate gate, string tokenKey, string? accountKey, string protocol) : IDisposable
    {
        private int _disposed;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _disposed, 1) == 0)
            {
                gate.Close(tokenKey, accountKey, protocol);
            }
        }
    }
}
