using EdgeKv.Core.Keys;
using EdgeKv.Core.Store;

namespace EdgeKv.Bench;

/// <summary>
/// The workloads themselves, one method each, in the order of bench/deno/kv-bench.ts; each runs one slice
/// (<see cref="BenchPlan.Slice"/>) and returns how many operations it completed.
/// </summary>
internal sealed partial class EdgeKvWorkload
{
    // Every operation once over keys no measurement touches, so no row is timed while tiered JIT or SQLite's page
    // cache is cold (the Deno script does the same).
    private async Task<int> WarmUpAsync()
    {
        for (var i = 0; i < _plan.WarmUpKeys; i++)
        {
            await _store.SetAsync(Key("warmup", i), _value);
        }

        for (var i = 0; i < _plan.WarmUpKeys; i++)
        {
            await _store.GetAsync(Key("warmup", i));
        }

        await foreach (var _ in _store.ListAsync(KvListSelector.WithPrefix(KvKey.Of("warmup"))))
        {
        }

        for (var i = 0; i < _plan.WarmUpKeys / 10; i++)
        {
            var current = await _store.GetAsync(Key("warmup", i));
            await _store.Atomic().Check(current.Key, current.Versionstamp).Set(current.Key, _value).CommitAsync();
            await _store.Atomic().Sum(KvKey.Of("warmup-counter"), 1).CommitAsync();
        }

        return 0;
    }

    private async Task<int> SetAsync(int chunk)
    {
        var (from, to) = BenchPlan.Slice(_plan.Sets, chunk);
        for (var i = from; i < to; i++)
        {
            await _store.SetAsync(Key("bench", i), _value);
        }

        return to - from;
    }

    private async Task<int> GetAsync(int chunk)
    {
        var (from, to) = BenchPlan.Slice(_plan.Sets, chunk);
        for (var i = from; i < to; i++)
        {
            var entry = await _store.GetAsync(Key("bench", i));
            if (!entry.Exists)
            {
                throw new InvalidOperationException($"missing {entry.Key}");
            }
        }

        return to - from;
    }

    private async Task<int> ListAllAsync()
    {
        var listed = 0;
        await foreach (var _ in _store.ListAsync(KvListSelector.WithPrefix(KvKey.Of("bench"))))
        {
            listed++;
        }

        return listed == _plan.Sets ? listed : throw new InvalidOperationException($"listed {listed} of {_plan.Sets}");
    }

    private async Task<int> CheckAndSetAsync(int chunk)
    {
        var (from, to) = BenchPlan.Slice(_plan.Atomics, chunk);
        var committed = 0;
        for (var i = from; i < to; i++)
        {
            var key = Key("bench", i);
            var current = await _store.GetAsync(key);
            var result = await _store.Atomic().Check(key, current.Versionstamp).Set(key, _value).CommitAsync();
            committed += result.Ok ? 1 : 0;
        }

        return committed;
    }

    private async Task<int> SumAsync(int chunk)
    {
        var (from, to) = BenchPlan.Slice(_plan.Atomics, chunk);
        for (var i = from; i < to; i++)
        {
            var result = await _store.Atomic().Sum(Counter, 1).CommitAsync();
            if (!result.Ok)
            {
                throw new InvalidOperationException("sum did not commit");
            }
        }

        _summed = true;
        return to - from;
    }

    // Each writer awaits its own sets one after another, like an async Deno function; the writers overlap.
    private async Task<int> ConcurrentSetAsync(int chunk)
    {
        var (from, to) = BenchPlan.Slice(_plan.SetsPerWriter, chunk);
        async Task WriteAsync(int writer)
        {
            for (var j = from; j < to; j++)
            {
                await _store.SetAsync(KvKey.Of("writer", KvKeyPart.FromNumber(writer), KvKeyPart.FromNumber(j)), _value);
            }
        }

        await Task.WhenAll(Enumerable.Range(0, _plan.Writers).Select(w => Task.Run(() => WriteAsync(w))));
        return _plan.Writers * (to - from);
    }
}
