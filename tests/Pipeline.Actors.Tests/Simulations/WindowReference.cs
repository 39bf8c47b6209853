using System.Globalization;
using Pipeline.Actors.Records;

namespace Pipeline.Actors.Tests.Simulations;

/// <summary>
/// What live state must answer about arrival windows, popularity and leaderboards, worked out
/// directly from the clean records applied so far by the rules the engine documents, not by its code:
/// <list type="bullet">
/// <item>a post counts once its pin, geo and user arrived, or once a later record of its assembler
/// bucket (index modulo buckets) arrived at least the assembly wait after its first part, or when
/// the input ended; its arrival time is the latest of its parts';</item>
/// <item>"now" is the latest arrival applied; a window of length L at now holds the posts whose
/// arrival minute lies between the minutes of now - L and of now, both included;</item>
/// <item>popularity is the latest follower count times the sum over posts of 2^-(age / half-life);
/// boards rank by it, ties to the smaller name.</item>
/// </list>
/// Each post index is sent once, with its parts within the wait (as the synthetic emulator does), so
/// no post is ever revised.
/// </summary>
internal sealed class WindowReference(int buckets, TimeSpan wait, TimeSpan halfLife)
{
    public static readonly IReadOnlyList<(string Name, TimeSpan Length)> Windows =
        [("1h", TimeSpan.FromHours(1)), ("24h", TimeSpan.FromHours(24)), ("7d", TimeSpan.FromDays(7))];

    private readonly Dictionary<long, List<CleanedRecord>> _parts = [];
    private readonly Dictionary<long, DateTimeOffset> _bucketClocks = [];
    private bool _ended;

    public sealed record Post(long Ind, DateTimeOffset Arrival, CleanPin? Pin, CleanGeo? Geo, CleanUser? User);

    public DateTimeOffset Now { get; private set; } = DateTimeOffset.MinValue;

    public void Add(CleanedRecord cleaned)
    {
        var ind = cleaned.Record.Ind;
        if (!_parts.TryGetValue(ind, out var parts))
            _parts[ind] = parts = [];
        parts.Add(cleaned);
        var arrival = cleaned.Position.ArrivalTime;
        if (!_bucketClocks.TryGetValue(ind % buckets, out var bucketClock) || arrival > bucketClock)
            _bucketClocks[ind % buckets] = arrival;
        if (arrival > Now)
            Now = arrival;
    }

    /// <summary>The input ended: every post counts with what it has.</summary>
    public void End() => _ended = true;

    /// <summary>The posts counted so far, with what the expectations below are computed from.</summary>
    public Counted Posts()
    {
        var posts = _parts
            .Where(entry => IsCounted(entry.Key, entry.Value))
            .Select(entry => new Post(
                entry.Key,
                entry.Value.Max(part => part.Position.ArrivalTime),
                entry.Value.Select(part => part.Record).OfType<CleanPin>().LastOrDefault(),
                entry.Value.Select(part => part.Record).OfType<CleanGeo>().LastOrDefault(),
                entry.Value.Select(part => part.Record).OfType<CleanUser>().LastOrDefault()))
            .ToList();
        return new Counted(this, posts);
    }

    /// <summary>Expectations over one set of counted posts, at the reference's "now".</summary>
    public sealed class Counted
    {
        private readonly WindowReference _reference;
        private readonly Dictionary<string, List<Post>> _byPoster;
        private readonly Dictionary<string, List<Post>> _byCategory;
        private readonly Dictionary<string, double> _popularity;

        public Counted(WindowReference reference, IReadOnlyList<Post> posts)
        {
            _reference = reference;
            All = posts;
            _byPoster = Group(posts, post => post.Pin?.PosterName);
            _byCategory = Group(posts, post => post.Pin?.Category);
            _popularity = _byPoster.ToDictionary(entry => entry.Key, entry => reference.PopularityOf(entry.Value), StringComparer.Ordinal);
        }

        public IReadOnlyList<Post> All { get; }

        public IReadOnlyList<string> Posters => _byPoster.Keys.Order(StringComparer.Ordinal).ToList();

        public IReadOnlyList<string> Categories => _byCategory.Keys.Order(StringComparer.Ordinal).ToList();

        /// <summary>A profile as text (follower count, posts, windows, categories), or "none".</summary>
        public string Profile(string poster)
        {
            if (!_byPoster.TryGetValue(poster, out var own))
                return $"{poster}: none";
            var categories = own.Select(post => post.Pin!.Category).OfType<string>()
                .GroupBy(category => category).OrderBy(group => group.Key, StringComparer.Ordinal)
                .Select(group => $"{group.Key}={group.Count()}");
            return Text.Profile(poster, FollowersOf(own), own.Count, _reference.WindowCounts(own), categories);
        }

        public double Popularity(string poster) => _popularity.GetValueOrDefault(poster);

        /// <summary>A category as text (posts, by country, year, age group, windows), or "none".</summary>
        public string Category(string category)
        {
            if (!_byCategory.TryGetValue(category, out var own))
                return $"{category}: none";
            static IEnumerable<string> Counts<T>(IEnumerable<T> keys) => keys
                .GroupBy(key => Convert.ToString(key, CultureInfo.InvariantCulture)!).OrderBy(group => group.Key, StringComparer.Ordinal)
                .Select(group => $"{group.Key}={group.Count()}");
            return Text.Category(
                category,
                own.Count,
                Counts(own.Select(post => post.Geo?.Country).OfType<string>()),
                Counts(own.Select(post => post.Geo?.Timestamp?.Year).OfType<int>()),
                Counts(own.Select(post => AgeGroup(post.User?.Age)).OfType<string>()),
                _reference.WindowCounts(own));
        }

        /// <summary>The top categories of a window as text.</summary>
        public string TopCategories(TimeSpan window, int top) => Text.Ranking(_byCategory
            .Select(entry => (Name: entry.Key, Count: (long)entry.Value.Count(post => _reference.InWindow(post.Arrival, window))))
            .Where(entry => entry.Count > 0)
            .OrderByDescending(entry => entry.Count).ThenBy(entry => entry.Name, StringComparer.Ordinal)
            .Take(top)
            .Select(entry => $"{entry.Name}={entry.Count}"));

        /// <summary>The top profiles (of all, or of those with a post in <paramref name="category"/>),
        /// with their popularity.</summary>
        public IReadOnlyList<(string Poster, double Popularity)> TopProfiles(int top, string? category = null) =>
            (category is null ? _byPoster.Keys : _byCategory[category].Select(post => post.Pin!.PosterName).OfType<string>().Distinct())
            .Select(poster => (Poster: poster, Popularity: _popularity[poster]))
            .OrderByDescending(entry => entry.Popularity).ThenBy(entry => entry.Poster, StringComparer.Ordinal)
            .Take(top)
            .ToList();

        private static Dictionary<string, List<Post>> Group(IEnumerable<Post> posts, Func<Post, string?> key) => posts
            .Where(post => key(post) is not null)
            .GroupBy(post => key(post)!, StringComparer.Ordinal)
            .ToDictionary(group => group.Key, group => group.ToList(), StringComparer.Ordinal);
    }

    private static long? FollowersOf(IEnumerable<Post> own) => own
        .Where(post => post.Pin!.FollowerCount is not null)
        .OrderByDescending(post => post.Arrival).ThenByDescending(post => post.Ind)
        .Select(post => post.Pin!.FollowerCount).FirstOrDefault();

    private double PopularityOf(IReadOnlyList<Post> own)
    {
        var followers = FollowersOf(own);
        return followers is not > 0 ? 0
            : followers.Value * own.Sum(post => Math.Pow(2, -(Now - post.Arrival).TotalSeconds / halfLife.TotalSeconds));
    }

    private IEnumerable<long> WindowCounts(IReadOnlyList<Post> own) =>
        Windows.Select(window => (long)own.Count(post => InWindow(post.Arrival, window.Length))).ToList();

    private bool IsCounted(long ind, List<CleanedRecord> parts) =>
        _ended
        || (parts.Any(part => part.Record is CleanPin) && parts.Any(part => part.Record is CleanGeo) && parts.Any(part => part.Record is CleanUser))
        || _bucketClocks[ind % buckets] >= parts.Min(part => part.Position.ArrivalTime) + wait;

    private bool InWindow(DateTimeOffset arrival, TimeSpan length) =>
        Minute(arrival) >= Minute(Now - length) && Minute(arrival) <= Minute(Now);

    private static long Minute(DateTimeOffset time) => time.UtcTicks / TimeSpan.TicksPerMinute;

    private static string? AgeGroup(int? age) => age switch
    {
        null or < 18 => null,
        <= 24 => "18-24",
        <= 35 => "25-35",
        <= 50 => "36-50",
        _ => "50+",
    };
}
