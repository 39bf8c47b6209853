using Pipeline.Actors.Categories;
using Pipeline.Actors.Live;

namespace Pipeline.Actors.Leaderboards;

/// <summary>
/// Categories ranked by posts in an arrival window, kept from the absolute minute counts categories
/// report. A minute's count is replaced only by a report of the same or a later category version,
/// so reports that crossed on their way leave the later count. Minutes older than the longest window
/// behind its clock (the latest category clock reported) are dropped.
/// </summary>
public sealed class CategoryBoard
{
    // Per category, sorted by minute; a list, as reports mostly touch the latest minutes and
    // forgetting takes the oldest, both without allocating.
    private readonly Dictionary<string, SortedList<long, (long Posts, long Version)>> _minutes = new(StringComparer.Ordinal);

    public DateTimeOffset Clock { get; private set; } = DateTimeOffset.MinValue;

    public void Update(CategoryChanged changed)
    {
        if (changed.Clock > Clock)
            Clock = changed.Clock;
        if (!_minutes.TryGetValue(changed.Category, out var minutes))
            _minutes[changed.Category] = minutes = new SortedList<long, (long Posts, long Version)>();
        foreach (var minute in changed.Minutes)
        {
            if (minutes.TryGetValue(minute.Minute, out var held) && held.Version > changed.Version)
                continue;
            minutes[minute.Minute] = (minute.Posts, changed.Version);
        }
        var oldest = ArrivalWindow.MinuteOf(Clock - ArrivalWindow.Longest);
        while (minutes.Count > 0 && minutes.Keys[0] < oldest)
            minutes.RemoveAt(0);
        if (minutes.Count == 0)
            _minutes.Remove(changed.Category);
    }

    /// <summary>The categories with most posts in <paramref name="window"/> at <paramref name="asOf"/>
    /// (the board's clock if later); ties to the smaller name in ordinal order.</summary>
    public IReadOnlyList<RankedCategory> Top(ArrivalWindow window, int top, DateTimeOffset asOf)
    {
        var at = asOf > Clock ? asOf : Clock;
        return _minutes
            .Select(category => new RankedCategory(
                category.Key,
                category.Value.Where(minute => window.ContainsMinute(minute.Key, at)).Sum(minute => minute.Value.Posts)))
            .Where(category => category.Posts > 0)
            .OrderByDescending(category => category.Posts).ThenBy(category => category.Category, StringComparer.Ordinal)
            .Take(top)
            .ToList();
    }

    /// <summary>One report per category and version; a count of 0 is kept (it outranks older reports).</summary>
    public CategoryBoardSnapshot ToSnapshot() => new(
        Clock,
        _minutes
            .SelectMany(category => category.Value
                .GroupBy(minute => minute.Value.Version)
                .Select(version => new CategoryChanged(
                    category.Key,
                    version.Key,
                    Clock,
                    version.Select(minute => new MinuteCount(minute.Key, minute.Value.Posts)).ToList())))
            .ToList());

    public static CategoryBoard FromSnapshot(CategoryBoardSnapshot snapshot)
    {
        var board = new CategoryBoard();
        foreach (var category in snapshot.Categories)
            board.Update(category);
        board.Clock = snapshot.Clock;
        return board;
    }
}

public sealed record CategoryBoardSnapshot(DateTimeOffset Clock, IReadOnlyList<CategoryChanged> Categories);
