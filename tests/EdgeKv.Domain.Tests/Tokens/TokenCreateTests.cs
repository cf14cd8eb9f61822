using System.Security.Cryptography;
using System.Text;
using EdgeKv.Domain.Audit;
using EdgeKv.Domain.Errors;
using EdgeKv.Domain.Events;
using EdgeKv.Domain.Tests.Infrastructure;
using EdgeKv.Domain.Tokens;
using Microsoft.Data.Sqlite;

namespace EdgeKv.Domain.Tests.Tokens;

public class TokenCreateTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task CreateAsync_OwnNamespace_ReturnsTheSecretOnceAndStoresOnlyItsHash()
    {
        // Arrange
        await using var host = await DomainHost.StartAsync();
        var (ann, ns) = await host.CreateUserWithNamespaceAsync("ann");

        // Act
        var created = await host.Tokens.CreateAsync(ann, new NewAccessToken("  deploy  ", [ns.Id], AccessTokenPermission.ReadWrite), Ct);

        // Assert: the secret has its documented shape and the stored row holds only its hash and prefix.
        var secret = created.Secret;
        Assert.Matches("^ekv_[A-Za-z0-9_-]{43}$", secret);
        var row = await host.TokenRowAsync(created.Token.Id);
        Assert.Equal(SHA256.HashData(Encoding.UTF8.GetBytes(secret)), row.SecretHash);
        Assert.Equal(secret[..12], row.Prefix);
        Assert.Equal(secret[..12], created.Token.Prefix);
        Assert.Equal("deploy", created.Token.Name);
        Assert.Equal([new AccessTokenScopeItem(ns.Id, "main")], created.Token.Namespaces);
        Assert.Equal(AccessTokenStatus.Active, created.Token.Status);

        // Assert: nowhere in the database files, and never again from the service.
        SqliteConnection.ClearAllPools();
        var secretPart = Encoding.UTF8.GetBytes(secret[12..]);
        foreach (var file in Directory.GetFiles(host.Root, "admin.db*"))
        {
            Assert.True(IndexOf(await ReadSharedAsync(file), secretPart) < 0, $"{Path.GetFileName(file)} holds the secret");
        }

        var listed = Assert.Single(await host.Tokens.ListAsync(ann, null, Ct));
        Assert.DoesNotContain(secret[12..], listed.ToString());
        Assert.DoesNotContain(secret[12..], created.ToString());
    }

    [Fact]
    public async Task CreateAsync_TwoTokens_SecretsDiffer()
    {
        // Arrange
        await using var host = await DomainHost.StartAsync();
        var (ann, ns) = await host.CreateUserWithNamespaceAsync("ann");

        // Act
        var first = await host.CreateTokenAsync(ann, AccessTokenPermission.ReadOnly, ns.Id);
        var second = await host.CreateTokenAsync(ann, AccessTokenPermission.ReadOnly, ns.Id);

        // Assert
        Assert.NotEqual(first.Secret, second.Secret);
        Assert.NotEqual(first.Token.Prefix, second.Token.Prefix);
    }

    [Fact]
    public async Task CreateAsync_Created_AuditedAndPublished()
    {
        // Arrange
        await using var host = await DomainHost.StartAsync();
        var (ann, ns) = await host.CreateUserWithNamespaceAsync("ann");
        using var subscription = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        subscription.CancelAfter(TimeSpan.FromSeconds(30));
        await using var events = host.Events.Subscribe(subscription.Token).GetAsyncEnumerator(subscription.Token);

        // Act
        var created = await host.CreateTokenAsync(ann, AccessTokenPermission.ReadOnly, ns.Id);

        // Assert
        Assert.True(await events.MoveNextAsync());
        Assert.Equal(DomainEventKind.TokenCreated, events.Current.Kind);
        Assert.Equal((ann.UserId, ann.UserId, created.Token.Id), (events.Current.ActorUserId, events.Current.OwnerUserId!, events.Current.AccessTokenId!.Value));
        var entry = Assert.Single(await host.AuditLog.ListAsync(ann, new AuditQuery(AuditTargets.AccessToken), Ct));
        Assert.Equal(AuditActions.TokenCreated, entry.Action);
        Assert.Equal(ann.UserId, entry.ActorUserId);
        Assert.Contains(created.Token.Prefix, entry.Reason);
        Assert.DoesNotContain(created.Secret[12..], entry.Reason);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("tab\tinside")]
    [InlineData("12345678901234567890123456789012345678901234567890123456789012345")]
    public async Task CreateAsync_InvalidName_RefusedAndNothingCreated(string name)
    {
        // Arrange
        await using var host = await DomainHost.StartAsync();
        var (ann, ns) = await host.CreateUserWithNamespaceAsync("ann");

        // Act
        await DomainAssert.RefusedAsync(
            DomainErrors.InvalidTokenName,
            () => host.Tokens.CreateAsync(ann, new NewAccessToken(name, [ns.Id], AccessTokenPermission.ReadOnly), Ct));

        // Assert
        Assert.Equal(0, await host.TokenCountAsync());
    }

    [Fact]
    public async Task CreateAsync_NameOf64Characters_Created()
    {
        // Arrange
        await using var host = await DomainHost.StartAsync();
        var (ann, ns) = await host.CreateUserWithNamespaceAsync("ann");
        var name = new string('n', AccessToken.MaxNameLength);

        // Act
        var created = await host.Tokens.CreateAsync(ann, new NewAccessToken(name, [ns.Id], AccessTokenPermission.ReadOnly), Ct);

        // Assert
        Assert.Equal(name, created.Token.Name);
    }

    [Fact]
    public async Task CreateAsync_BadScopePermissionOrExpiry_EachRefusedWithItsError()
    {
        // Arrange
        var clock = new ManualClock();
        await using var host = await DomainHost.StartAsync(time: clock);
        var (ann, ns) = await host.CreateUserWithNamespaceAsync("ann");
        var cases = new (DomainError Error, NewAccessToken Request)[]
        {
            (DomainErrors.TokenScopeEmpty, new("t", [], AccessTokenPermission.ReadOnly)),
            (DomainErrors.TokenScopeConflict, new("t", [ns.Id], AccessTokenPermission.ReadOnly, AllNamespaces: true)),
            (DomainErrors.InvalidTokenPermission, new("t", [ns.Id], (AccessTokenPermission)7)),
            (DomainErrors.TokenExpiryNotInFuture, new("t", [ns.Id], AccessTokenPermission.ReadOnly, clock.UtcNow)),
            (DomainErrors.TokenExpiryNotInFuture, new("t", [ns.Id], AccessTokenPermission.ReadOnly, clock.UtcNow.AddDays(-1))),
            (DomainErrors.NamespaceNotFound, new("t", [ns.Id, 987_654], AccessTokenPermission.ReadOnly)),
        };

        // Act + Assert
        foreach (var (error, request) in cases)
        {
            await DomainAssert.RefusedAsync(error, () => host.Tokens.CreateAsync(ann, request, Ct));
        }

        Assert.Equal(0, await host.TokenCountAsync());
    }

    [Fact]
    public async Task CreateAsync_ExpiryInTheFuture_KeptAsUtc()
    {
        // Arrange
        var clock = new ManualClock();
        await using var host = await DomainHost.StartAsync(time: clock);
        var (ann, ns) = await host.CreateUserWithNamespaceAsync("ann");
        var expiresAt = clock.UtcNow.AddDays(30);

        // Act
        var created = await host.Tokens.CreateAsync(ann, new NewAccessToken("t", [ns.Id], AccessTokenPermission.ReadOnly, expiresAt), Ct);

        // Assert
        var listed = Assert.Single(await host.Tokens.ListAsync(ann, null, Ct));
        Assert.Equal(expiresAt, listed.ExpiresAt);
        Assert.Equal(DateTimeKind.Utc, listed.ExpiresAt!.Value.Kind);
        Assert.Equal(created.Token.Id, listed.Id);
    }

    [Fact]
    public async Task CreateAsync_AnotherUsersNamespace_RefusedAsNotFound()
    {
        // Arrange
        await using var host = await DomainHost.StartAsync();
        var (_, annNamespace) = await host.CreateUserWithNamespaceAsync("ann");
        var (bob, bobNamespace) = await host.CreateUserWithNamespaceAsync("bob");

        // Act
        await DomainAssert.RefusedAsync(
            DomainErrors.NamespaceNotFound,
            () => host.Tokens.CreateAsync(bob, new NewAccessToken("steal", [bobNamespace.Id, annNamespace.Id], AccessTokenPermission.ReadWrite), Ct));

        // Assert
        Assert.Equal(0, await host.TokenCountAsync());
    }

    [Fact]
    public async Task CreateAsync_AdminOverAUsersNamespace_RefusedAsNotFound()
    {
        // Arrange: tokens are personal, even for admins; the admin has an open account of their own (from seeding).
        await using var host = await DomainHost.StartAsync();
        var (_, annNamespace) = await host.CreateUserWithNamespaceAsync("ann");
        var adminNamespace = await host.Namespaces.CreateAsync(host.Admin, "ops", null, Ct);

        // Act
        await DomainAssert.RefusedAsync(
            DomainErrors.NamespaceNotFound,
            () => host.Tokens.CreateAsync(host.Admin, new NewAccessToken("admin", [annNamespace.Id], AccessTokenPermission.ReadWrite), Ct));
        var own = await host.CreateTokenAsync(host.Admin, AccessTokenPermission.ReadWrite, adminNamespace.Id);

        // Assert
        Assert.Equal(1, await host.TokenCountAsync());
        Assert.Equal(host.Admin.UserId, own.Token.OwnerUserId);
    }

    [Fact]
    public async Task CreateAsync_AccountNotOpen_RefusedWithTheAccountsState()
    {
        // Arrange
        await using var host = await DomainHost.StartAsync();
        var never = await host.CreateUserAsync("never");
        var pending = await host.CreateUserAsync("pending");
        await host.Accounts.ApplyAsync(pending, null, Ct);
        var (suspended, ns) = await host.CreateUserWithNamespaceAsync("suspended");
        await host.Accounts.SuspendAsync(host.Admin, ns.AccountId, "abuse", Ct);

        // Act + Assert
        await DomainAssert.RefusedAsync(DomainErrors.AccountNotOpen, () => host.Tokens.CreateAsync(never, new NewAccessToken("t", [], AccessTokenPermission.ReadOnly, AllNamespaces: true), Ct));
        await DomainAssert.RefusedAsync(DomainErrors.AccountNotOpen, () => host.Tokens.CreateAsync(pending, new NewAccessToken("t", [], AccessTokenPermission.ReadOnly, AllNamespaces: true), Ct));
        await DomainAssert.RefusedAsync(DomainErrors.AccountSuspended, () => host.CreateTokenAsync(suspended, AccessTokenPermission.ReadOnly, ns.Id));
        Assert.Equal(0, await host.TokenCountAsync());
    }

    [Fact]
    public async Task CreateAsync_PastTheLimitOfLiveTokens_RefusedUntilOneIsRevoked()
    {
        // Arrange: the limit met exactly.
        await using var host = await DomainHost.StartAsync();
        var (ann, ns) = await host.CreateUserWithNamespaceAsync("ann");
        AccessTokenView? first = null;
        for (var i = 0; i < AccessToken.MaxLiveTokensPerUser; i++)
        {
            var created = await host.CreateTokenAsync(ann, AccessTokenPermission.ReadOnly, ns.Id);
            first ??= created.Token;
        }

        // Act
        var refused = await DomainAssert.RefusedAsync(DomainErrors.TokenLimitReached, () => host.CreateTokenAsync(ann, AccessTokenPermission.ReadOnly, ns.Id));
        await host.Tokens.RevokeAsync(ann, first!.Id, Ct);
        await host.CreateTokenAsync(ann, AccessTokenPermission.ReadOnly, ns.Id);

        // Assert
        Assert.Equal("Token limit reached (100 per user): revoke the tokens you no longer use.", refused.Message);
        Assert.Equal(AccessToken.MaxLiveTokensPerUser + 1, await host.TokenCountAsync());
    }

    private static async Task<byte[]> ReadSharedAsync(string path)
    {
        await using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        using var buffer = new MemoryStream();
        await stream.CopyToAsync(buffer, Ct);
        return buffer.ToArray();
    }

    private static int IndexOf(byte[] haystack, byte[] needle) => haystack.AsSpan().IndexOf(needle);
}
