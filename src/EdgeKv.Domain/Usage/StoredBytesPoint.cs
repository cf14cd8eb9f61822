namespace EdgeKv.Domain.Usage;

/// <summary>Stored bytes at the end of one bucket of a usage chart (the last sample taken by then).</summary>
/// <param name="Start">The bucket's start (UTC).</param>
/// <param name="Bytes">Bytes stored.</param>
public sealed record StoredBytesPoint(DateTime Start, long Bytes);
