namespace Pipeline.Actors.Live;

/// <summary>
/// The latest arrival time live state has applied: "now" for windows and popularity in queries, so
/// that answers depend on the log, not on the wall clock. Written by the stage, read by queries on
/// other threads.
/// </summary>
public sealed class ArrivalClock
{
    private long _ticks = DateTimeOffset.MinValue.UtcTicks;

    public bool IsKnown => Interlocked.Read(ref _ticks) != DateTimeOffset.MinValue.UtcTicks;

    public DateTimeOffset Now => new(Interlocked.Read(ref _ticks), TimeSpan.Zero);

    /// <summary>Moves the clock to <paramref name="arrival"/> if that is later.</summary>
    public void Advance(DateTimeOffset arrival)
    {
        var ticks = arrival.UtcTicks;
        var current = Interlocked.Read(ref _ticks);
        while (ticks > current)
        {
            var seen = Interlocked.CompareExchange(ref _ticks, ticks, current);
            if (seen == current)
                return;
            current = seen;
        }
    }
}
