using Akka.Actor;
using Akka.Cluster.Sharding;
using Pipeline.Actors.Categories;
using Pipeline.Actors.Cohorts;
using Pipeline.Actors.Leaderboards;
using Pipeline.Actors.Profiles;
using Pipeline.Actors.Records;

namespace Pipeline.Actors.Live;

/// <summary>
/// The query facade over live state, for the HTTP API and <c>pipeline query</c>. Each method asks
/// the entities and answers a record; "now" for windows and popularity is the arrival clock (the
/// latest arrival applied; after a restart, the one the categories board persisted).
/// <list type="bullet">
/// <item>An unknown profile, category or metric is <c>null</c> (HTTP 404).</item>
/// <item>A bad parameter throws <see cref="ArgumentException"/> with the reason (HTTP 400).</item>
/// <item>An entity that does not answer within <c>pipeline.live.ask-timeout</c> makes the call throw
/// <see cref="AskTimeoutException"/> (HTTP 503); a call never hangs.</item>
/// </list>
/// </summary>
public sealed class LiveQueries(LiveRegions regions, LiveStateSettings settings, ArrivalClock clock)
{
    /// <summary>The names of the metrics, in the order of <see cref="Records.MetricNames.Columns"/>.</summary>
    public IReadOnlyList<string> MetricNames { get; } = Records.MetricNames.Columns.Keys.ToList();

    /// <summary><c>GET /api/profiles/{poster_name}</c>.</summary>
    public async Task<ProfileView?> ProfileAsync(string posterName)
    {
        Require(!string.IsNullOrWhiteSpace(posterName), "poster name is empty");
        var answer = await Ask<object>(regions.Profiles, posterName, new GetProfile(posterName, await NowAsync()));
        return answer as ProfileView;
    }

    /// <summary><c>GET /api/categories/{category}</c>.</summary>
    public async Task<CategoryView?> CategoryAsync(string category)
    {
        Require(!string.IsNullOrWhiteSpace(category), "category is empty");
        var answer = await Ask<object>(regions.Categories, category, new GetCategory(category, await NowAsync()));
        return answer as CategoryView;
    }

    /// <summary><c>GET /api/leaderboards/profiles?top=10[&amp;category=][&amp;country=]</c>: at most
    /// one of category and country.</summary>
    public async Task<TopProfiles> TopProfilesAsync(int top, string? category = null, string? country = null)
    {
        RequireTop(top);
        Require(category is null || country is null, "give category or country, not both");
        var board = category is not null ? BoardIds.ProfilesInCategory(category)
            : country is not null ? BoardIds.ProfilesInCountry(country)
            : BoardIds.Profiles;
        return await Ask<TopProfiles>(regions.ProfileBoards, board, new GetTopProfiles(top, await NowAsync()));
    }

    /// <summary><c>GET /api/leaderboards/categories?window=1h|24h|7d[&amp;top=10]</c>.</summary>
    public async Task<TopCategories> TopCategoriesAsync(string window, int top = 10)
    {
        RequireTop(top);
        Require(ArrivalWindow.TryParse(window, out var parsed), $"unknown window '{window}': use {string.Join(", ", ArrivalWindow.All.Select(w => w.Name))}");
        return await Ask<TopCategories>(regions.CategoryBoards, BoardIds.Categories, new GetTopCategories(parsed, top, await NowAsync()));
    }

    /// <summary><c>GET /api/metrics/{name}</c>; year ranges default to 2018..2022 (post years) and
    /// 2015..2020 (join years).</summary>
    public async Task<MetricTable?> MetricAsync(string name, YearRange? postYears = null, YearRange? joinYears = null)
    {
        if (!Records.MetricNames.Columns.ContainsKey(name))
            return null;
        var posts = (postYears ?? YearRange.DefaultPostYears).Validated();
        var joins = (joinYears ?? YearRange.DefaultJoinYears).Validated();
        return await LiveMetrics.ComputeAsync(name, key => Ask<CohortSummary>(regions.Cohorts, key, new GetCohortSummary(key)), posts, joins);
    }

    private async Task<DateTimeOffset> NowAsync()
    {
        if (clock.IsKnown)
            return clock.Now;
        var persisted = await Ask<BoardClock>(regions.CategoryBoards, BoardIds.Categories, GetBoardClock.Instance);
        clock.Advance(persisted.Clock);
        return clock.Now;
    }

    private Task<T> Ask<T>(IActorRef region, string entity, object message) =>
        region.Ask<T>(new ShardingEnvelope(entity, message), settings.AskTimeout);

    private void RequireTop(int top) => Require(top >= 1 && top <= settings.MaxTop, $"top must be between 1 and {settings.MaxTop}");

    private static void Require(bool condition, string reason)
    {
        if (!condition)
            throw new ArgumentException(reason);
    }
}
