// Writes to the store given on the command line from several concurrent writers (so group commits are in flight)
// until the process is killed. After each write is acknowledged it prints "ack <n> <versionstamp>" on its own line:
// the crash test then asserts that every printed write survived the kill.
using EdgeKv.Core.Keys;
using EdgeKv.Core.Sqlite;
using EdgeKv.Core.Values;

if (args.Length != 1)
{
    Console.Error.WriteLine("usage: EdgeKv.Core.CrashWriter <store-file>");
    return 2;
}

const int Writers = 4;
await using var store = SqliteKvStore.Open(args[0]);
var next = -1;
Console.Out.WriteLine("ready");
await Task.WhenAll(Enumerable.Range(0, Writers).Select(_ => Task.Run(async () =>
{
    while (true)
    {
        var n = Interlocked.Increment(ref next);
        var versionstamp = await store.SetAsync(KvKey.Of("crash", n), KvValue.Text($"value-{n}"));
        Console.Out.WriteLine($"ack {n} {versionstamp}");
    }
})));
return 0;
