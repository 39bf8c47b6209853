using Pipeline.Actors.Records;

namespace Pipeline.Actors.Lake;

/// <summary>One row of a clean table: the record and where it came from (kept as columns so a reader
/// can take the latest record of each post index).</summary>
public readonly record struct CleanTableRow(ICleanRecord Record, SourcePosition Position)
{
    /// <summary>
    /// The date partition of the row: the event time where the table has one (geo
    /// <c>timestamp</c>, user <c>date_joined</c>), otherwise the arrival time. A pin has no time of
    /// its own, so pins are partitioned by the day they arrived; so are geo and user records whose
    /// event time is missing. Dates are UTC.
    /// </summary>
    public DateOnly Date => DateOnly.FromDateTime(((Record switch
    {
        CleanGeo geo => geo.Timestamp,
        CleanUser user => user.DateJoined,
        _ => null,
    }) ?? Position.ArrivalTime).UtcDateTime);
}
