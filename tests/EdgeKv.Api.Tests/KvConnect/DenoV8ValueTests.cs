using EdgeKv.Api.Tests.Support;
using EdgeKv.Core.Keys;
using EdgeKv.Core.Values;
using Microsoft.Data.Sqlite;

namespace EdgeKv.Api.Tests.KvConnect;

/// <summary>Values Deno writes are stored and returned byte for byte, whatever JS types they hold.</summary>
public sealed class DenoV8ValueTests(KvConnectServer server)
{
    [Fact]
    public async Task Set_ValueOfManyJsTypes_StoredAsTheBytesDenoItselfStores()
    {
        // Arrange: Deno also writes the value to a local Deno KV file, the reference for the exact bytes.
        var ct = TestContext.Current.CancellationToken;
        var ns = await server.CreateNamespaceAsync();
        using var local = new TempDirectory();
        var localPath = local.File("deno-local.sqlite");
        var permissions = new[] { $"--allow-read={local.Path}", $"--allow-write={local.Path}" };

        // Act
        var result = await ClientProcess.RunDenoAsync(
            "v8-values.ts", ns.WriteToken, ScriptEnvironment.For(ns, new { localPath }), ct, permissions);

        // Assert: Deno reads back what it wrote, every type intact...
        Assert.Equal(result.GetProperty("sent").GetRawText(), result.GetProperty("received").GetRawText());

        // ...and the engine holds exactly the bytes Deno's own store holds for it.
        var key = KvKey.Of("v8", "complex");
        var stored = await ns.Store.GetAsync(key, cancellationToken: ct);
        Assert.Equal(KvValueEncoding.V8, stored.Value!.Encoding);
        Assert.Equal(Convert.ToHexString(ReadDenoLocalValue(localPath, key.Encode())), Convert.ToHexString(stored.Value.Data.Span));
    }

    private static byte[] ReadDenoLocalValue(string path, byte[] key)
    {
        using var connection = new SqliteConnection($"Data Source={path};Mode=ReadOnly;Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT v FROM kv WHERE k = $k";
        command.Parameters.AddWithValue("$k", key);
        return (byte[])(command.ExecuteScalar() ?? throw new InvalidOperationException("Deno's local store has no such key."));
    }
}
