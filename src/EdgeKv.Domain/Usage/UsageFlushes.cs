using EdgeKv.Domain.Events;

namespace EdgeKv.Domain.Usage;

/// <summary>
/// Tells live usage charts that a flush wrote new minutes (the UTC time it flushed up to). Separate from the domain
/// events on purpose: it fires every few seconds while anything is used (<see cref="LatestSignal{T}"/>).
/// </summary>
public sealed class UsageFlushes : LatestSignal<DateTime>;
