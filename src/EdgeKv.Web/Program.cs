using EdgeKv.Web.Hosting;

// Composition only: every service and endpoint is registered by the two extension methods, so the browser
// tests can start the same host with their own arguments (see tests/EdgeKv.E2E.Tests/ConsoleServerFixture.cs).
var builder = WebApplication.CreateBuilder(args);
builder.AddEdgeKvConsole();

var app = builder.Build();
app.UseEdgeKvConsole();
app.Run();

/// <summary>The host's entry point; public so integration tests can name it in <c>WebApplicationFactory&lt;Program&gt;</c>.</summary>
public partial class Program;
