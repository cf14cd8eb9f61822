using EdgeKv.Api.Access;
using EdgeKv.Api.Watching;
using EdgeKv.Core.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace EdgeKv.Api.Tests.Access;

/// <summary>The open-stream bound: per token, per account over all its tokens, given back exactly once per lease.</summary>
public sealed class WatchStreamGateTests : IAsyncDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "edgekv-gate-tests", Guid.NewGuid().ToString("N"));
    private readonly SqliteKvStore _store;

    public WatchStreamGateTests()
    {
        Directory.CreateDirectory(_folder);
        _store = SqliteKvStore.Open(Path.Combine(_folder, "s.kv.sqlite"));
    }

    [Fact]
    public void TryOpen_PastTheTokenLimit_NullUntilALeaseIsDisposed()
    {
        // Arrange
        var gate = Gate(perToken: 2, perAccount: 10);
        var grant = Grant("t1", "acct");
        using var first = gate.TryOpen(grant, WatchProtocols.ServerSentEvents);
        var second = gate.TryOpen(grant, WatchProtocols.KvConnect);

        // Act
        var third = gate.TryOpen(grant, WatchProtocols.SignalR);
        second!.Dispose();
        second.Dispose(); // a second dispose gives nothing back twice
        using var reopened = gate.TryOpen(grant, WatchProtocols.SignalR);
        var overAgain = gate.TryOpen(grant, WatchProtocols.SignalR);

        // Assert
        Assert.NotNull(first);
        Assert.Null(third);
        Assert.NotNull(reopened);
        Assert.Null(overAgain);
        Assert.Equal(2, gate.OpenCount);
    }

    [Fact]
    public void TryOpen_PastTheAccountLimitWithAnotherToken_Null()
    {
        var gate = Gate(perToken: 5, perAccount: 3);
        var leases = new[] { Grant("t1", "acct"), Grant("t1", "acct"), Grant("t2", "acct") }
            .Select(grant => gate.TryOpen(grant, WatchProtocols.ServerSentEvents)).ToList();

        var otherTokenSameAccount = gate.TryOpen(Grant("t3", "acct"), WatchProtocols.ServerSentEvents);
        using var otherAccount = gate.TryOpen(Grant("t4", "other"), WatchProtocols.ServerSentEvents);

        Assert.All(leases, Assert.NotNull);
        Assert.Null(otherTokenSameAccount);
        Assert.NotNull(otherAccount);
        leases.ForEach(lease => lease!.Dispose());
    }

    [Fact]
    public void TryOpen_GrantWithoutTokenId_Refused()
    {
        // Every resolver names the granting token, so streams are counted per token and never by a secret.
        var gate = Gate(perToken: 1, perAccount: 1);
        var anonymous = new KvAccessGrant(_store, CanWrite: false);

        Assert.Throws<ArgumentException>(() => gate.TryOpen(anonymous, WatchProtocols.ServerSentEvents));
        Assert.Equal(0, gate.OpenCount);
    }

    public async ValueTask DisposeAsync()
    {
        await _store.DisposeAsync();
        Directory.Delete(_folder, recursive: true);
    }

    private static WatchStreamGate Gate(int perToken, int perAccount) =>
        new(Options.Create(new KvWatchLimits { MaxStreamsPerToken = perToken, MaxStreamsPerAccount = perAccount }), NullLogger<WatchStreamGate>.Instance);

    private KvAccessGrant Grant(string tokenId, string accountId) => new(_store, CanWrite: false) { TokenId = tokenId, AccountId = accountId };
}
