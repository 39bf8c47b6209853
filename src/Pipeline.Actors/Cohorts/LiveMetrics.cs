using Pipeline.Actors.Assembly;
using Pipeline.Actors.Records;

namespace Pipeline.Actors.Cohorts;

/// <summary>
/// The 8 metrics (9 tables, <see cref="MetricNames"/>) read from the cohort summaries, each row
/// built in the order of its first columns (countries and age groups in ordinal order, years
/// ascending). A row exists only where its cohort has something to report, like a GROUP BY.
/// </summary>
public static class LiveMetrics
{
    public static async Task<MetricTable> ComputeAsync(
        string metric,
        Func<string, Task<CohortSummary>> summaryOf,
        YearRange postYears,
        YearRange joinYears)
    {
        var rows = metric switch
        {
            MetricNames.CategoryByCountry => (await Countries(summaryOf))
                .Where(country => country.TopCategory is not null)
                .Select(country => Row(NameOf(country.Key), country.TopCategory, country.TopCategoryCount)),
            MetricNames.CategoryByYear => (await Summaries(summaryOf, postYears.Years, CohortKeys.PostYear))
                .Where(year => year.Summary.TopCategory is not null)
                .Select(year => Row((long)year.Key, year.Summary.TopCategory, year.Summary.TopCategoryCount)),
            MetricNames.TopUserByCountry => TopUsers(await Countries(summaryOf)),
            MetricNames.TopCountry => TopUsers(await Countries(summaryOf))
                .OrderByDescending(row => (long)row[2]!).ThenBy(row => (string)row[0]!, StringComparer.Ordinal)
                .Take(1),
            MetricNames.CategoryByAgeGroup => (await Summaries(summaryOf, AgeGroups.All, CohortKeys.AgeGroup))
                .Where(group => group.Summary.TopCategory is not null)
                .Select(group => Row(group.Key, group.Summary.TopCategory, group.Summary.TopCategoryCount)),
            MetricNames.MedianFollowersByAgeGroup => (await Summaries(summaryOf, AgeGroups.All, CohortKeys.AgeGroup))
                .Where(group => group.Summary.MedianFollowers is not null)
                .Select(group => Row(group.Key, group.Summary.MedianFollowers)),
            MetricNames.UsersJoinedByYear => (await Summaries(summaryOf, joinYears.Years, CohortKeys.JoinYear))
                .Where(year => year.Summary.DistinctUsers > 0)
                .Select(year => Row((long)year.Key, year.Summary.DistinctUsers)),
            MetricNames.MedianFollowersByJoinYear => (await Summaries(summaryOf, joinYears.Years, CohortKeys.JoinYear))
                .Where(year => year.Summary.MedianFollowers is not null)
                .Select(year => Row((long)year.Key, year.Summary.MedianFollowers)),
            MetricNames.MedianFollowersByAgeGroupAndJoinYear => (await Summaries(
                    summaryOf,
                    AgeGroups.All.SelectMany(group => joinYears.Years.Select(year => (Group: group, Year: year))),
                    cell => CohortKeys.AgeGroupAndJoinYear(cell.Group, cell.Year)))
                .Where(cell => cell.Summary.MedianFollowers is not null)
                .Select(cell => Row(cell.Key.Group, (long)cell.Key.Year, cell.Summary.MedianFollowers)),
            _ => throw new ArgumentException($"unknown metric {metric}", nameof(metric)),
        };
        return new MetricTable(metric, MetricNames.Columns[metric], rows.ToList());
    }

    private static IEnumerable<IReadOnlyList<object?>> TopUsers(IEnumerable<CohortSummary> countries) => countries
        .Where(country => country.TopPoster is not null)
        .Select(country => Row(NameOf(country.Key), country.TopPoster, country.TopPosterFollowers));

    private static async Task<IReadOnlyList<CohortSummary>> Countries(Func<string, Task<CohortSummary>> summaryOf)
    {
        var directory = await summaryOf(CohortKeys.Directory);
        return await Task.WhenAll(directory.Countries.Order(StringComparer.Ordinal).Select(country => summaryOf(CohortKeys.Country(country))));
    }

    private static async Task<IReadOnlyList<(T Key, CohortSummary Summary)>> Summaries<T>(
        Func<string, Task<CohortSummary>> summaryOf, IEnumerable<T> keys, Func<T, string> cohortOf)
    {
        var ordered = keys.ToList();
        var summaries = await Task.WhenAll(ordered.Select(key => summaryOf(cohortOf(key))));
        return ordered.Zip(summaries).ToList();
    }

    private static string NameOf(string countryKey) => countryKey[(countryKey.IndexOf('|') + 1)..];

    private static IReadOnlyList<object?> Row(params object?[] cells) => cells;
}
