namespace EdgeKv.Domain.Usage;

/// <summary>What was counted in one bucket of a usage chart.</summary>
/// <param name="Start">The bucket's start (UTC).</param>
/// <param name="Reads">Keys read.</param>
/// <param name="Lists">List pages read.</param>
/// <param name="Writes">Writes committed.</param>
/// <param name="Deletes">Deletes committed.</param>
/// <param name="BytesWritten">Bytes written.</param>
public sealed record UsagePoint(DateTime Start, long Reads, long Lists, long Writes, long Deletes, long BytesWritten);
