using Pipeline.Actors.Records;

namespace Pipeline.Actors.Tests.Live;

/// <summary>
/// The 9 metric tables computed the plain way, independently of live state: keep the last record of
/// each table per post index (stream order), join by index, then group with LINQ.
/// </summary>
internal static class ReferenceMetrics
{
    private sealed record Post(CleanPin? Pin, CleanGeo? Geo, CleanUser? User);

    public static IReadOnlyList<MetricTable> Compute(IEnumerable<ICleanRecord> records, int postFrom = 2018, int postTo = 2022, int joinFrom = 2015, int joinTo = 2020)
    {
        var list = records.ToList();
        var posts = list.Select(record => record.Ind).Distinct().Select(ind => new Post(
            list.OfType<CleanPin>().LastOrDefault(pin => pin.Ind == ind),
            list.OfType<CleanGeo>().LastOrDefault(geo => geo.Ind == ind),
            list.OfType<CleanUser>().LastOrDefault(user => user.Ind == ind))).ToList();

        static string? Group(int? age) => age is null || age < 18 ? null : age <= 24 ? "18-24" : age <= 35 ? "25-35" : age <= 50 ? "36-50" : "50+";
        static long Median(IEnumerable<long> values)
        {
            var sorted = values.Order().ToList();
            return sorted[(sorted.Count + 1) / 2 - 1];
        }
        static (string Category, long Count) TopCategory(IEnumerable<string> categories) => categories
            .GroupBy(category => category).Select(group => (group.Key, Count: (long)group.Count()))
            .OrderByDescending(group => group.Count).ThenBy(group => group.Key, StringComparer.Ordinal).First();
        static IReadOnlyList<object?> Row(params object?[] cells) => cells;

        var categoryByCountry = posts.Where(p => p.Geo?.Country is not null && p.Pin?.Category is not null)
            .GroupBy(p => p.Geo!.Country!).OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => TopCategory(g.Select(p => p.Pin!.Category!)) is var top ? Row(g.Key, top.Category, top.Count) : null!);
        var categoryByYear = posts.Where(p => p.Geo?.Timestamp is { } t && t.Year >= postFrom && t.Year <= postTo && p.Pin?.Category is not null)
            .GroupBy(p => (long)p.Geo!.Timestamp!.Value.Year).OrderBy(g => g.Key)
            .Select(g => TopCategory(g.Select(p => p.Pin!.Category!)) is var top ? Row(g.Key, top.Category, top.Count) : null!);
        var topUsers = posts.Where(p => p.Geo?.Country is not null && p.Pin?.PosterName is not null && p.Pin.FollowerCount is not null)
            .GroupBy(p => p.Geo!.Country!).OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => g.OrderByDescending(p => p.Pin!.FollowerCount).ThenBy(p => p.Pin!.PosterName, StringComparer.Ordinal).First())
            .Select(p => Row(p.Geo!.Country, p.Pin!.PosterName, p.Pin.FollowerCount)).ToList();
        var topCountry = topUsers.OrderByDescending(r => (long)r[2]!).ThenBy(r => (string)r[0]!, StringComparer.Ordinal).Take(1);
        var categoryByAge = posts.Where(p => Group(p.User?.Age) is not null && p.Pin?.Category is not null)
            .GroupBy(p => Group(p.User!.Age)!).OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => TopCategory(g.Select(p => p.Pin!.Category!)) is var top ? Row(g.Key, top.Category, top.Count) : null!);
        var medianByAge = posts.Where(p => Group(p.User?.Age) is not null && p.Pin?.FollowerCount is not null)
            .GroupBy(p => Group(p.User!.Age)!).OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => Row(g.Key, Median(g.Select(p => p.Pin!.FollowerCount!.Value))));
        bool Joined(Post p) => p.User?.DateJoined is { } d && d.Year >= joinFrom && d.Year <= joinTo;
        var usersJoined = posts.Where(Joined)
            .Select(p => p.User!).DistinctBy(u => (u.UserName, u.Age, u.DateJoined))
            .GroupBy(u => (long)u.DateJoined!.Value.Year).OrderBy(g => g.Key)
            .Select(g => Row(g.Key, (long)g.Count()));
        var medianByJoin = posts.Where(p => Joined(p) && p.Pin?.FollowerCount is not null)
            .GroupBy(p => (long)p.User!.DateJoined!.Value.Year).OrderBy(g => g.Key)
            .Select(g => Row(g.Key, Median(g.Select(p => p.Pin!.FollowerCount!.Value))));
        var medianByAgeAndJoin = posts.Where(p => Joined(p) && Group(p.User!.Age) is not null && p.Pin?.FollowerCount is not null)
            .GroupBy(p => (Group: Group(p.User!.Age)!, Year: (long)p.User!.DateJoined!.Value.Year))
            .OrderBy(g => g.Key.Group, StringComparer.Ordinal).ThenBy(g => g.Key.Year)
            .Select(g => Row(g.Key.Group, g.Key.Year, Median(g.Select(p => p.Pin!.FollowerCount!.Value))));

        MetricTable Table(string name, IEnumerable<IReadOnlyList<object?>> rows) => new(name, MetricNames.Columns[name], rows.ToList());
        return
        [
            Table(MetricNames.CategoryByCountry, categoryByCountry),
            Table(MetricNames.CategoryByYear, categoryByYear),
            Table(MetricNames.TopUserByCountry, topUsers),
            Table(MetricNames.TopCountry, topCountry),
            Table(MetricNames.CategoryByAgeGroup, categoryByAge),
            Table(MetricNames.MedianFollowersByAgeGroup, medianByAge),
            Table(MetricNames.UsersJoinedByYear, usersJoined),
            Table(MetricNames.MedianFollowersByJoinYear, medianByJoin),
            Table(MetricNames.MedianFollowersByAgeGroupAndJoinYear, medianByAgeAndJoin),
        ];
    }

    /// <summary>A table as text, one row a line, for readable assertion failures.</summary>
    public static string Render(MetricTable table) =>
        table.Metric + ": " + string.Join(" | ", table.Columns) + "\n" +
        string.Join("\n", table.Rows.Select(row => string.Join(" | ", row.Select(cell => cell?.ToString() ?? "null"))));
}
