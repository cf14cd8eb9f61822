namespace EdgeKv.Domain.Records;

/// <summary>How many records a prefix holds now.</summary>
/// <param name="Records">The records people see (the total a console shows).</param>
/// <param name="Positions">
/// The positions a list passes over, which paging counts in (<see cref="RecordQuery.Skip"/>): the records plus, for
/// the unfiltered list, the HTTP API's metadata companions, which a page hides.
/// </param>
public sealed record RecordCount(long Records, long Positions);
