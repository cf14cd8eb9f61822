using EdgeKv.Domain.Accounts;
using EdgeKv.Domain.Identity;
using EdgeKv.Domain.Seeding;
using EdgeKv.Domain.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace EdgeKv.Domain.Tests.Seeding;

public sealed class DomainSeederTests
{
    [Fact]
    public async Task SeedAsync_FreshDatabase_CreatesRolesAndAdminWhoCanSignIn()
    {
        // Arrange
        await using var host = DomainHost.Create(new Dictionary<string, string?>
        {
            ["EdgeKv:Admin:Email"] = "ops@example.test",
            ["EdgeKv:Admin:Password"] = "Str0ng!Pass",
        });
        await using var scope = host.Services.CreateAsyncScope();

        // Act
        var adminId = await scope.ServiceProvider.GetRequiredService<DomainSeeder>().SeedAsync(TestContext.Current.CancellationToken);

        // Assert
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var admin = await users.FindByEmailAsync("ops@example.test");
        Assert.NotNull(admin);
        Assert.Equal(adminId, admin.Id);
        Assert.True(await users.IsInRoleAsync(admin, EdgeKvRoles.Admin));
        Assert.True(await users.CheckPasswordAsync(admin, "Str0ng!Pass"));
        var roles = scope.ServiceProvider.GetRequiredService<RoleManager<IdentityRole>>();
        Assert.True(await roles.RoleExistsAsync(EdgeKvRoles.User));
    }

    [Fact]
    public async Task SeedAsync_RunTwice_KeepsOneAdmin()
    {
        // Arrange
        await using var host = DomainHost.Create();
        var ct = TestContext.Current.CancellationToken;
        string firstId;
        await using (var scope = host.Services.CreateAsyncScope())
        {
            firstId = await scope.ServiceProvider.GetRequiredService<DomainSeeder>().SeedAsync(ct);
        }

        // Act
        string secondId;
        await using (var scope = host.Services.CreateAsyncScope())
        {
            secondId = await scope.ServiceProvider.GetRequiredService<DomainSeeder>().SeedAsync(ct);
        }

        // Assert
        Assert.Equal(firstId, secondId);
        await using var db = host.CreateDbContext();
        Assert.Equal(1, await db.Users.CountAsync(ct));
        Assert.Equal(EdgeKvRoles.All.Count, await db.Roles.CountAsync(ct));
        Assert.Equal(1, await db.UserRoles.CountAsync(ct));
    }

    [Fact]
    public async Task SeedAsync_NoConfiguredPassword_GeneratesOneShowsItOnceAndRequiresAChange()
    {
        // Arrange
        var notice = new RecordingPasswordNotice();
        await using var host = DomainHost.Create(new Dictionary<string, string?> { ["EdgeKv:Admin:Password"] = null }, notice);
        var ct = TestContext.Current.CancellationToken;

        // Act
        await using (var scope = host.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<DomainSeeder>().SeedAsync(ct);
        }

        await using (var scope = host.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<DomainSeeder>().SeedAsync(ct);
        }

        // Assert
        var (email, password) = Assert.Single(notice.Shown);
        Assert.Equal(EdgeKvDomainOptions.DefaultAdminEmail, email);
        Assert.Matches("^[A-Za-z0-9]{5}(-[A-Za-z0-9]{5}){3}$", password);
        await using var check = host.Services.CreateAsyncScope();
        var users = check.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var admin = await users.FindByEmailAsync(email);
        Assert.NotNull(admin);
        Assert.True(await users.CheckPasswordAsync(admin, password));
        Assert.Contains(await users.GetClaimsAsync(admin), claim => claim.Type == EdgeKvClaims.MustChangePassword);
    }

    [Fact]
    public async Task SeedAsync_ConfiguredPassword_ShowsNothingAndRequiresNoChange()
    {
        // Arrange
        var notice = new RecordingPasswordNotice();
        await using var host = DomainHost.Create(new Dictionary<string, string?> { ["EdgeKv:Admin:Password"] = "Str0ng!Pass" }, notice);
        await using var scope = host.Services.CreateAsyncScope();

        // Act
        await scope.ServiceProvider.GetRequiredService<DomainSeeder>().SeedAsync(TestContext.Current.CancellationToken);

        // Assert
        Assert.Empty(notice.Shown);
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var admin = (await users.FindByEmailAsync(EdgeKvDomainOptions.DefaultAdminEmail))!;
        Assert.True(await users.CheckPasswordAsync(admin, "Str0ng!Pass"));
        Assert.Empty(await users.GetClaimsAsync(admin));
    }

    [Fact]
    public void Generate_ManyTimes_DistinctAndMeetIdentityRules()
    {
        // Act
        var passwords = Enumerable.Range(0, 200).Select(_ => InitialAdminPassword.Generate()).ToList();

        // Assert
        Assert.Equal(passwords.Count, passwords.Distinct().Count());
        Assert.All(passwords, password =>
        {
            Assert.Equal(23, password.Length);
            Assert.Contains(password, char.IsUpper);
            Assert.Contains(password, char.IsLower);
            Assert.Contains(password, char.IsDigit);
            Assert.Contains('-', password);
        });
    }

    [Fact]
    public void TerminalNotice_Show_WritesEmailPasswordAndTheChangeRequirement()
    {
        // Arrange
        using var terminal = new StringWriter();

        // Act
        new TerminalInitialAdminPasswordNotice(terminal).Show("admin@edgekv.local", "Abcde-fgh23-JKLmn-pq456");

        // Assert
        var text = terminal.ToString();
        Assert.Contains("e-mail:   admin@edgekv.local", text);
        Assert.Contains("password: Abcde-fgh23-JKLmn-pq456", text);
        Assert.Contains("change the password at first sign-in", text);
    }

    private sealed class RecordingPasswordNotice : IInitialAdminPasswordNotice
    {
        public List<(string Email, string Password)> Shown { get; } = [];

        public void Show(string email, string password) => Shown.Add((email, password));
    }

    [Fact]
    public async Task SeedAsync_FreshDatabase_AdminHasAnOpenAccountWithTheDefaultQuota()
    {
        // Arrange
        await using var host = DomainHost.Create();
        await using var scope = host.Services.CreateAsyncScope();

        // Act
        var adminId = await scope.ServiceProvider.GetRequiredService<DomainSeeder>().SeedAsync(TestContext.Current.CancellationToken);

        // Assert
        var account = await host.Accounts.GetMyAccountAsync(new(adminId, IsAdmin: true), TestContext.Current.CancellationToken);
        Assert.Equal(KvAccountStatus.Approved, account.Status);
        Assert.Equal(KvAccount.DefaultCapacityBytes, account.CapacityBytes);
        Assert.Equal(KvAccount.DefaultMaxNamespaces, account.MaxNamespaces);
        Assert.Empty(await host.Accounts.ListApplicationsAsync(new(adminId, IsAdmin: true), TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task SeedAsync_AdminsAccount_CreatesNamespacesWithoutApplying()
    {
        // Arrange
        await using var host = await DomainHost.StartAsync();

        // Act
        var created = await host.Namespaces.CreateAsync(host.Admin, "admin-own", null, TestContext.Current.CancellationToken);

        // Assert
        Assert.Equal(host.Admin.UserId, created.OwnerUserId);
        Assert.Equal(1, (await host.Accounts.GetMyAccountAsync(host.Admin, TestContext.Current.CancellationToken)).NamespaceCount);
    }

    [Fact]
    public async Task SeedAsync_AdminsAccount_TakesNoPlace()
    {
        // Arrange
        await using var host = await DomainHost.StartAsync();
        var ct = TestContext.Current.CancellationToken;

        // Act
        await host.Accounts.SetMaxApprovedAccountsAsync(host.Admin, 1, ct);
        await host.CreateOpenUserAsync("only");

        // Assert
        var places = await host.Accounts.GetPlacesAsync(host.Admin, ct);
        Assert.Equal(1, places.TakenPlaces);
        Assert.True(places.IsFull);
    }

    [Theory]
    [InlineData(KvAccountStatus.Pending, KvAccountStatus.Approved)]
    [InlineData(KvAccountStatus.Rejected, KvAccountStatus.Approved)]
    [InlineData(KvAccountStatus.Suspended, KvAccountStatus.Suspended)]
    public async Task SeedAsync_AdminsEarlierAccount_OpenedUnlessSuspended(KvAccountStatus before, KvAccountStatus after)
    {
        // Arrange: a database from before seeding opened the admin's account.
        await using var host = await DomainHost.StartAsync();
        var ct = TestContext.Current.CancellationToken;
        await using (var db = host.CreateDbContext())
        {
            var account = await db.Accounts.SingleAsync(a => a.UserId == host.Admin.UserId, ct);
            account.Status = before;
            await db.SaveChangesAsync(ct);
        }

        // Act
        await using var scope = host.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<DomainSeeder>().SeedAsync(ct);

        // Assert
        Assert.Equal(after, (await host.Accounts.GetMyAccountAsync(host.Admin, ct)).Status);
    }
}
