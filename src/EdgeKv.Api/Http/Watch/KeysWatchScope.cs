using System.Runtime.CompilerServices;
using EdgeKv.Api.Http.Keys;
using EdgeKv.Core;
using EdgeKv.Core.Store;

namespace EdgeKv.Api.Http.Watch;

/// <summary>A watch of up to <see cref="KvLimits.MaxWatchedKeys"/> string keys (Deno's <c>kv.watch</c>).</summary>
internal sealed class KeysWatchScope : WatchScope
{
    private readonly string[] _keys;
    private readonly HashSet<string> _set;

    public KeysWatchScope(IReadOnlyList<string> keys)
    {
        _keys = keys.Distinct(StringComparer.Ordinal).ToArray();
        if (_keys.Length > KvLimits.MaxWatchedKeys)
        {
            throw new KvException(KvErrorCode.TooManyWatchedKeys);
        }

        if (_keys.Length == 0)
        {
            throw new KvException(KvErrorCode.NoWatchedKeys);
        }

        foreach (var key in _keys)
        {
            StringKeys.ToTupleKey(key);
        }

        _set = new HashSet<string>(_keys, StringComparer.Ordinal);
    }

    public override bool Covers(string key) => _set.Contains(key);

    public override async IAsyncEnumerable<WatchedEntry> ReadCurrentAsync(IKvStore store, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var entries = await store.GetManyAsync(_keys.Select(StringKeys.ToTupleKey).ToList(), cancellationToken: cancellationToken);
        for (var i = 0; i < _keys.Length; i++)
        {
            yield return new WatchedEntry(_keys[i], entries[i]);
        }
    }
}
