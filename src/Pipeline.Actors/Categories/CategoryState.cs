using Pipeline.Actors.Assembly;
using Pipeline.Actors.Checkpoints;
using Pipeline.Actors.Live;

namespace Pipeline.Actors.Categories;

/// <summary>
/// The state of one category: its posts by country, by post year, by age group, and per arrival
/// minute over the longest window (older minutes are dropped as its arrival clock moves on). A change
/// removes what <see cref="PostChange.Previous"/> contributed when it was of this category and adds
/// what <see cref="PostChange.Current"/> contributes when it is.
/// </summary>
public sealed class CategoryState
{
    private readonly Dictionary<string, long> _byCountry;
    private readonly Dictionary<int, long> _byPostYear;
    private readonly Dictionary<string, long> _byAgeGroup;
    // Sorted by minute; a list, as arrivals mostly add the latest minute and forgetting takes the
    // oldest, both without allocating.
    private readonly SortedList<long, long> _minutes;

    /// <summary>The changes applied, per assembler bucket.</summary>
    public AppliedChanges Applied { get; }

    public CategoryState(string category)
        : this(new CategorySnapshot(category, 0, DateTimeOffset.MinValue, new Dictionary<string, long>(), new Dictionary<int, long>(), new Dictionary<string, long>(), [], new Dictionary<int, long>()))
    {
    }

    private CategoryState(CategorySnapshot snapshot)
    {
        Category = snapshot.Category;
        Posts = snapshot.Posts;
        Clock = snapshot.Clock;
        _byCountry = new Dictionary<string, long>(snapshot.ByCountry, StringComparer.Ordinal);
        _byPostYear = new Dictionary<int, long>(snapshot.ByPostYear);
        _byAgeGroup = new Dictionary<string, long>(snapshot.ByAgeGroup, StringComparer.Ordinal);
        _minutes = new SortedList<long, long>(snapshot.Minutes.ToDictionary(minute => minute.Minute, minute => minute.Posts));
        Applied = new AppliedChanges(snapshot.AppliedChanges);
    }

    public string Category { get; }

    public long Posts { get; private set; }

    /// <summary>The latest arrival time among the posts applied.</summary>
    public DateTimeOffset Clock { get; private set; }

    public bool Apply(PostChange change)
    {
        if (!Applied.TryApply(change))
            return false;
        if (change.Previous?.Category == Category)
            Add(change.Previous, -1);
        if (change.Current.Category == Category)
        {
            if (change.Current.ArrivalTime > Clock)
                Clock = change.Current.ArrivalTime;
            Add(change.Current, +1);
        }
        Forget(ArrivalWindow.MinuteOf(Clock - ArrivalWindow.Longest));
        return true;
    }

    /// <summary>The absolute counts of the arrival minutes <paramref name="changes"/> touched.</summary>
    public CategoryChanged Changed(IReadOnlyCollection<PostChange> changes)
    {
        var touched = new List<long>(2 * changes.Count);
        foreach (var change in changes)
        {
            if (change.Previous?.Category == Category)
                touched.Add(ArrivalWindow.MinuteOf(change.Previous.ArrivalTime));
            if (change.Current.Category == Category)
                touched.Add(ArrivalWindow.MinuteOf(change.Current.ArrivalTime));
        }
        touched.Sort();
        var minutes = new List<MinuteCount>(touched.Count);
        foreach (var minute in touched)
            if (minutes.Count == 0 || minutes[^1].Minute != minute)
                minutes.Add(new MinuteCount(minute, _minutes.GetValueOrDefault(minute)));
        return new CategoryChanged(Category, Applied.Version, Clock, minutes);
    }

    public CategoryView View(DateTimeOffset asOf)
    {
        var at = asOf > Clock ? asOf : Clock;
        long InWindow(ArrivalWindow window) => _minutes.Where(minute => window.ContainsMinute(minute.Key, at)).Sum(minute => minute.Value);
        return new CategoryView(
            Category,
            Posts,
            new SortedDictionary<string, long>(_byCountry, StringComparer.Ordinal),
            new SortedDictionary<int, long>(_byPostYear),
            new SortedDictionary<string, long>(_byAgeGroup, StringComparer.Ordinal),
            InWindow(ArrivalWindow.LastHour),
            InWindow(ArrivalWindow.LastDay),
            InWindow(ArrivalWindow.LastWeek));
    }

    private void Add(AssembledPost post, int sign)
    {
        Posts += sign;
        if (post.Country is { } country)
            CountChanges.Apply(_byCountry, country, sign);
        if (post.PostYear is { } year)
            CountChanges.Apply(_byPostYear, year, sign);
        if (post.AgeGroup is { } group)
            CountChanges.Apply(_byAgeGroup, group, sign);
        var minute = ArrivalWindow.MinuteOf(post.ArrivalTime);
        if (minute >= ArrivalWindow.MinuteOf(Clock - ArrivalWindow.Longest))
            CountChanges.Apply(_minutes, minute, sign);
    }

    private void Forget(long beforeMinute)
    {
        while (_minutes.Count > 0 && _minutes.Keys[0] < beforeMinute)
            _minutes.RemoveAt(0);
    }


    public CategorySnapshot ToSnapshot() => new(
        Category,
        Posts,
        Clock,
        new Dictionary<string, long>(_byCountry),
        new Dictionary<int, long>(_byPostYear),
        new Dictionary<string, long>(_byAgeGroup),
        _minutes.Select(minute => new MinuteCount(minute.Key, minute.Value)).ToList(),
        Applied.ToSnapshot());

    public static CategoryState FromSnapshot(CategorySnapshot snapshot) => new(snapshot);
}

public sealed record CategorySnapshot(
    string Category,
    long Posts,
    DateTimeOffset Clock,
    IReadOnlyDictionary<string, long> ByCountry,
    IReadOnlyDictionary<int, long> ByPostYear,
    IReadOnlyDictionary<string, long> ByAgeGroup,
    IReadOnlyList<MinuteCount> Minutes,
    IReadOnlyDictionary<int, long> AppliedChanges);
