using Pipeline.Actors.Records;

namespace Pipeline.Actors.Lake;

/// <summary>One row of a clean table: the record and where it came from (kept as columns so a reader
/// can take the latest record of each post index).</summary>
public readonly record struct CleanTableRow(ICleanRecord Record, SourcePosition Position)
{
    /// <summary>
    /// The date partition of the row. By event time: the geo <c>timestamp</c> or the user
    /// <c>date_joined</c>; a pin has no time of its own, so pins are partitioned by the day they
    /// arrived, and so are geo and user records whose event time is missing. By arrival time: the
    /// day the record arrived. Dates are UTC.
    /// </summary>
    public DateOnly Date(LakeDatePartition partition) => DateOnly.FromDateTime(((partition == LakeDatePartition.ArrivalTime ? null : Record switch
    {
        CleanGeo geo => geo.Timestamp,
        CleanUser user => user.DateJoined,
        _ => null,
    }) ?? Position.ArrivalTime).UtcDateTime);
}
