using Pipeline.Actors.History;
using Pipeline.Actors.Lake;
using Pipeline.Actors.Records;
using Xunit;

namespace Pipeline.Actors.Tests.History;

/// <summary>The small lake, written and measured once for all the tests of the class.</summary>
public sealed class SmallLakeFixture : IAsyncLifetime
{
    public string Folder { get; } = Directory.CreateTempSubdirectory("lake-metrics-").FullName;

    public IReadOnlyDictionary<string, MetricTable> Metrics { get; private set; } = new Dictionary<string, MetricTable>();

    public async Task InitializeAsync()
    {
        await SmallLake.WriteAsync(new FolderLakeStore(Folder));
        Metrics = LakeMetrics.Compute(Folder, MetricRanges.Default).ToDictionary(t => t.Metric);
    }

    public Task DisposeAsync()
    {
        Directory.Delete(Folder, recursive: true);
        return Task.CompletedTask;
    }
}

public sealed class LakeMetricsTests(SmallLakeFixture lake) : IClassFixture<SmallLakeFixture>
{
    private readonly string _folder = lake.Folder;
    private readonly IReadOnlyDictionary<string, MetricTable> _metrics = lake.Metrics;

    [Fact]
    public void All_nine_tables_with_the_shared_column_names() =>
        Assert.All(MetricNames.Columns, c => Assert.Equal(c.Value, _metrics[c.Key].Columns));

    [Fact]
    public void Category_by_country_breaks_ties_to_the_smaller_category() =>
        AssertRows(MetricNames.CategoryByCountry, ["Chile", "art", 2L], ["Peru", "art", 2L]);

    [Fact]
    public void Category_by_year_counts_post_years_2018_to_2022() =>
        AssertRows(MetricNames.CategoryByYear, [2019L, "travel", 2L], [2020L, "art", 1L], [2021L, "beauty", 1L], [2022L, "art", 1L]);

    [Fact]
    public void Top_user_by_country_breaks_ties_to_the_smaller_poster_name() =>
        AssertRows(MetricNames.TopUserByCountry, ["Chile", "Bob", 300L], ["Peru", "Hal", 400L]);

    [Fact]
    public void Top_country_is_the_country_of_the_top_user_with_most_followers() =>
        AssertRows(MetricNames.TopCountry, ["Peru", "Hal", 400L]);

    [Fact]
    public void Category_by_age_group_leaves_out_ages_under_18() =>
        AssertRows(MetricNames.CategoryByAgeGroup, ["18-24", "art", 2L], ["25-35", "art", 1L], ["36-50", "travel", 2L], ["50+", "beauty", 1L]);

    [Fact]
    public void Median_followers_by_age_group_is_the_lower_middle_over_known_counts() =>
        AssertRows(MetricNames.MedianFollowersByAgeGroup, ["18-24", 150L], ["25-35", 50L], ["36-50", 250L]);

    [Fact]
    public void Users_joined_by_year_counts_distinct_users_2015_to_2020() =>
        AssertRows(MetricNames.UsersJoinedByYear, [2015L, 2L], [2016L, 3L], [2017L, 2L], [2018L, 1L]);

    [Fact]
    public void Median_followers_by_join_year() =>
        AssertRows(MetricNames.MedianFollowersByJoinYear, [2015L, 150L], [2016L, 50L], [2017L, 300L], [2018L, 400L]);

    [Fact]
    public void Median_followers_by_age_group_and_join_year() =>
        AssertRows(MetricNames.MedianFollowersByAgeGroupAndJoinYear,
            ["18-24", 2015L, 100L], ["18-24", 2016L, 300L], ["25-35", 2016L, 50L], ["36-50", 2016L, 10L], ["36-50", 2017L, 300L], ["36-50", 2018L, 400L]);

    [Fact]
    public void Year_ranges_are_overridable_and_one_metric_can_be_asked_alone()
    {
        var tables = LakeMetrics.Compute(_folder, new MetricRanges(2019, 2019, 2016, 2016), MetricNames.CategoryByYear);

        var table = Assert.Single(tables);
        Assert.Equal([[2019L, "travel", 2L]], table.Rows);
        Assert.Equal([[2016L, 3L]], Assert.Single(LakeMetrics.Compute(_folder, new MetricRanges(2019, 2019, 2016, 2016), MetricNames.UsersJoinedByYear)).Rows);
        Assert.Throws<ArgumentException>(() => LakeMetrics.Compute(_folder, MetricRanges.Default, "no_such_metric"));
    }

    [Fact]
    public void An_empty_lake_gives_empty_tables()
    {
        var empty = Directory.CreateTempSubdirectory("lake-empty-").FullName;
        try
        {
            Assert.All(LakeMetrics.Compute(empty, MetricRanges.Default), t => Assert.Empty(t.Rows));
        }
        finally
        {
            Directory.Delete(empty);
        }
    }

    private void AssertRows(string metric, params object?[][] rows) => Assert.Equal(rows, _metrics[metric].Rows);
}
