using EdgeKv.Domain.Authorization;
using EdgeKv.Domain.Projects;
using EdgeKv.Domain.Seeding;
using EdgeKv.Domain.Tokens;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

// Prints one line: the secret of a new read-write access token over all namespaces of the admin's account; with the
// argument "functions" (bench/functions.sh), also the ids of two of the admin's projects: "hello" (blank) and
// "counter" (the 计数器 template: the guide's counter deployed, a new namespace bound as my_kv), space-separated.
// Run before the server starts, with the server's own configuration (ConnectionStrings__Admin, EdgeKv__DataDirectory,
// EdgeKv__Admin__Password in the environment), so both open the same admin database and data directory. It seeds the
// database as the server's start-up would (migrations, the admin and the admin's open KV account; seeding is
// idempotent, so the server's own start-up then changes nothing) and creates the token with AccessTokenService, the
// service behind the console's tokens page. The namespace itself is then made over the HTTP API with this token.
var configuration = new ConfigurationBuilder().AddEnvironmentVariables().Build();
var services = new ServiceCollection();
services.AddLogging();
services.AddEdgeKvDomain(configuration);
services.AddAuthentication();

await using (var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true }))
await using (var scope = provider.CreateAsyncScope())
{
    var adminId = await scope.ServiceProvider.GetRequiredService<DomainSeeder>().SeedAsync();
    var admin = new Caller(adminId, IsAdmin: true);
    var created = await scope.ServiceProvider.GetRequiredService<AccessTokenService>().CreateAsync(
        admin, new NewAccessToken("server benchmark", [], AccessTokenPermission.ReadWrite, AllNamespaces: true));
    if (args is ["functions"])
    {
        var templates = scope.ServiceProvider.GetRequiredService<ProjectTemplateService>();
        var hello = await templates.CreateAsync(admin, "hello", ProjectTemplate.Blank);
        var counter = await templates.CreateAsync(admin, "counter", ProjectTemplate.Counter);
        Console.WriteLine($"{created.Secret} {hello.Id} {counter.Id}");
    }
    else
    {
        Console.WriteLine(created.Secret);
    }
}

// Pooled connections hold the files open; the server opens them next.
SqliteConnection.ClearAllPools();
