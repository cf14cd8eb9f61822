using EdgeKv.Functions.Routing;

namespace EdgeKv.Functions.Tests.Routing;

public sealed class FunctionRouteTableTests
{
    private static readonly FunctionRouteTable Table = new(
        ["index.js", "hello.js", "docs/index.ts", "api/users/[id].js", "api/users/me.js", "files/[[default]].js"]);

    [Theory]
    [InlineData("/", "index.js")]
    [InlineData("/hello", "hello.js")]
    [InlineData("/hello/", "hello.js")]
    [InlineData("/docs", "docs/index.ts")]
    [InlineData("/api/users/42", "api/users/[id].js")]
    [InlineData("/api/users/me", "api/users/me.js")]
    [InlineData("/files", "files/[[default]].js")]
    [InlineData("/files/a/b", "files/[[default]].js")]
    public void Match_Path_RoutesToTheMostSpecificFile(string path, string file)
    {
        Assert.Equal(file, Table.Match(path)?.File);
    }

    [Fact]
    public void Match_DynamicSegment_GivesItAsAParam()
    {
        var match = Table.Match("/api/users/ann%20b");

        Assert.Equal("ann b", match!.Params["id"]);
    }

    [Fact]
    public void Match_CatchAll_GivesTheRestAsSegments()
    {
        var match = Table.Match("/files/a/b");

        Assert.Equal(["a", "b"], (string[])match!.Params["default"]);
    }

    [Theory]
    [InlineData("/nope")]
    [InlineData("/api/users")]
    [InlineData("/api/users/1/2")]
    public void Match_NoFile_ReturnsNull(string path)
    {
        Assert.Null(Table.Match(path));
    }

    [Fact]
    public void Match_RootCatchAll_MatchesEverythingElse()
    {
        var table = new FunctionRouteTable(["index.js", "[[default]].js"]);

        Assert.Equal("index.js", table.Match("/")!.File);
        Assert.Equal("[[default]].js", table.Match("/any/path")!.File);
    }
}
