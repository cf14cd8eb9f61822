using EdgeKv.Web.Hosting;
using Microsoft.Extensions.Configuration;

namespace EdgeKv.Web.Tests.Hosting;

public sealed class DataPathsTests
{
    private static readonly string ContentRoot = Path.Combine(Path.GetTempPath(), "edgekv-content-root");

    [Fact]
    public void ResolveAgainst_RelativePaths_BecomeAbsoluteUnderTheContentRoot()
    {
        var configuration = Build(("ConnectionStrings:Admin", "Data Source=data/admin.db"), ("EdgeKv:DataDirectory", "data/kv"));

        Assert.Equal($"Data Source={Path.Combine(ContentRoot, "data", "admin.db")}", configuration.GetConnectionString("Admin"));
        Assert.Equal(Path.Combine(ContentRoot, "data", "kv"), configuration["EdgeKv:DataDirectory"]);
    }

    [Fact]
    public void ResolveAgainst_AbsolutePaths_AreKept()
    {
        var absolute = Path.Combine(Path.GetTempPath(), "elsewhere");

        var configuration = Build(("ConnectionStrings:Admin", $"Data Source={absolute}/admin.db"), ("EdgeKv:DataDirectory", absolute));

        Assert.Equal($"Data Source={absolute}/admin.db", configuration.GetConnectionString("Admin"));
        Assert.Equal(absolute, configuration["EdgeKv:DataDirectory"]);
    }

    [Fact]
    public void ResolveAgainst_InMemoryDatabase_IsKept()
    {
        var configuration = Build(("ConnectionStrings:Admin", "Data Source=admin;Mode=Memory;Cache=Shared"));

        Assert.Equal("Data Source=admin;Mode=Memory;Cache=Shared", configuration.GetConnectionString("Admin"));
    }

    private static IConfiguration Build(params (string Key, string Value)[] settings)
    {
        var builder = new ConfigurationBuilder().AddInMemoryCollection(settings.Select(s => KeyValuePair.Create(s.Key, (string?)s.Value)));
        DataPaths.ResolveAgainst(builder, builder.Build(), ContentRoot);
        return builder.Build();
    }
}
