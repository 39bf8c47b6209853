using System.Globalization;
using Pipeline.Actors.Categories;
using Pipeline.Actors.Leaderboards;
using Pipeline.Actors.Profiles;
using Pipeline.Actors.Records;

namespace Pipeline.Actors.Tests.Live;

/// <summary>
/// Everything live state answers about the names in a set of records, as text: the 9 metric
/// tables, every profile and category, the profile boards (overall, per category, per country, as
/// deep as a query may ask) and the categories board of each window. Popularity is printed to 12
/// significant digits: sums of the same terms in another order (after a restore) may differ in the
/// last bits.
/// </summary>
internal static class LiveStateDump
{
    public static async Task<string> OfAsync(LiveRun run, IReadOnlyList<ICleanRecord> records)
    {
        var queries = run.Queries;
        var top = run.Settings.MaxTop;
        var posters = Distinct(records.OfType<CleanPin>().Select(pin => pin.PosterName));
        var categories = Distinct(records.OfType<CleanPin>().Select(pin => pin.Category));
        var countries = Distinct(records.OfType<CleanGeo>().Select(geo => geo.Country));

        var parts = (await run.MetricsAsync()).Select(ReferenceMetrics.Render).ToList();
        parts.AddRange((await Task.WhenAll(posters.Select(queries.ProfileAsync))).Select(Describe));
        parts.AddRange((await Task.WhenAll(categories.Select(queries.CategoryAsync))).Select(Describe));
        parts.Add(Describe(await queries.TopProfilesAsync(top)));
        parts.AddRange((await Task.WhenAll(categories.Select(category => queries.TopProfilesAsync(top, category: category)))).Select(Describe));
        parts.AddRange((await Task.WhenAll(countries.Select(country => queries.TopProfilesAsync(top, country: country)))).Select(Describe));
        foreach (var window in new[] { "1h", "24h", "7d" })
        {
            var board = await queries.TopCategoriesAsync(window, top);
            parts.Add($"categories {board.Window}: {string.Join(", ", board.Categories.Select(entry => $"{entry.Category}={entry.Posts}"))}");
        }
        return string.Join("\n", parts);
    }

    private static List<string> Distinct(IEnumerable<string?> names) =>
        names.OfType<string>().Distinct().Order(StringComparer.Ordinal).ToList();

    private static string Describe(ProfileView? view) => view is null ? "none" :
        $"{view.PosterName}: {view.FollowerCount} {view.Posts} {view.PostsLast1h} {view.PostsLast24h} {view.PostsLast7d} {Score(view.Popularity)} {string.Join(",", view.Categories)}";

    private static string Describe(CategoryView? view) => view is null ? "none" :
        $"{view.Category}: {view.Posts} {string.Join(",", view.ByCountry)} {string.Join(",", view.ByPostYear)} {string.Join(",", view.ByAgeGroup)} {view.PostsLast1h} {view.PostsLast24h} {view.PostsLast7d}";

    private static string Describe(TopProfiles board) =>
        $"board {board.BoardId}: {string.Join(", ", board.Profiles.Select(entry => $"{entry.PosterName} {Score(entry.Popularity)} {entry.FollowerCount} {entry.Posts}"))}";

    private static string Score(double popularity) => popularity.ToString("G12", CultureInfo.InvariantCulture);
}
