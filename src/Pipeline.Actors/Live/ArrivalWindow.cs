namespace Pipeline.Actors.Live;

/// <summary>
/// A sliding window of arrival time (last 1 h, 24 h, 7 d). Windows are aligned to whole minutes: a
/// post is in the window at <c>asOf</c> when its arrival minute lies between the minute of
/// <c>asOf - Length</c> and the minute of <c>asOf</c>, both included. Profiles and categories use the
/// same rule, so their counts agree.
/// </summary>
public sealed record ArrivalWindow(string Name, TimeSpan Length)
{
    public static readonly ArrivalWindow LastHour = new("1h", TimeSpan.FromHours(1));
    public static readonly ArrivalWindow LastDay = new("24h", TimeSpan.FromHours(24));
    public static readonly ArrivalWindow LastWeek = new("7d", TimeSpan.FromDays(7));

    public static readonly IReadOnlyList<ArrivalWindow> All = [LastHour, LastDay, LastWeek];

    /// <summary>The longest window: older arrival minutes can be forgotten.</summary>
    public static TimeSpan Longest => LastWeek.Length;

    public static bool TryParse(string? name, out ArrivalWindow window)
    {
        window = All.FirstOrDefault(candidate => candidate.Name == name)!;
        return window is not null;
    }

    public static long MinuteOf(DateTimeOffset time) => time.UtcTicks / TimeSpan.TicksPerMinute;

    public bool ContainsMinute(long minute, DateTimeOffset asOf) =>
        minute >= MinuteOf(asOf - Length) && minute <= MinuteOf(asOf);

    public bool Contains(DateTimeOffset arrival, DateTimeOffset asOf) => ContainsMinute(MinuteOf(arrival), asOf);
}
