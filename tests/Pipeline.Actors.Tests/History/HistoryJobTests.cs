using System.Text;
using Pipeline.Actors.History;
using Pipeline.Actors.Lake;
using Pipeline.Actors.Records;
using Pipeline.Actors.Tests.Lake;
using Xunit;

namespace Pipeline.Actors.Tests.History;

public sealed class HistoryJobTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Midnight = new(2026, 11, 26, 0, 0, 0, TimeSpan.Zero);
    private readonly string _folder = Directory.CreateTempSubdirectory("history-job-").FullName;
    private readonly HistorySettings _settings = HistorySettings.FromConfig(Akka.Configuration.ConfigurationFactory.Empty);

    public Task InitializeAsync() => SmallLake.WriteAsync(new FolderLakeStore(_folder));

    public Task DisposeAsync()
    {
        Directory.Delete(_folder, recursive: true);
        return Task.CompletedTask;
    }

    [Fact]
    public async Task A_run_writes_each_metric_and_its_run_record_to_the_lake()
    {
        var store = new FolderLakeStore(_folder);
        var job = new HistoryJob(store, _settings);

        var run = await job.RunAsync(Midnight);

        Assert.Equal(("20261126T000000000Z", HistoryRunStatus.Succeeded, 1, null), (run.Id, run.Status, run.Attempt, run.Error));
        Assert.Equal(
            LakeMetrics.Names.Select(m => $"history/{m}/run=20261126T000000000Z.json").Append("history/runs/run=20261126T000000000Z.json").Order(StringComparer.Ordinal),
            await store.ListAsync("history/"));
        Assert.Equal(
            "{\"metric\":\"top_country\",\"columns\":[\"country\",\"poster_name\",\"follower_count\"],\"rows\":[[\"Peru\",\"Hal\",400]]}",
            Encoding.UTF8.GetString((await store.GetAsync("history/top_country/run=20261126T000000000Z.json"))!));
        Assert.Equal([run], await job.RunsAsync());
        Assert.Equal([["Peru", "Hal", 400L]], (await job.LatestAsync(MetricNames.TopCountry))!.Rows);
    }

    [Fact]
    public async Task A_failed_run_is_recorded_and_does_not_replace_the_previous_results()
    {
        var store = new FolderLakeStore(_folder);
        var job = new HistoryJob(store, _settings);
        await job.RunAsync(Midnight);
        await store.PutAsync("tables/pin/date=2026-11-26/part-broken-0-0000000000.parquet", "not parquet"u8.ToArray());

        var failed = await job.RunAsync(Midnight.AddDays(1), attempt: 2);

        Assert.Equal((HistoryRunStatus.Failed, 2), (failed.Status, failed.Attempt));
        Assert.NotNull(failed.Error);
        Assert.Equal([HistoryRunStatus.Succeeded, HistoryRunStatus.Failed], (await job.RunsAsync()).Select(r => r.Status));
        Assert.Equal([["Peru", "Hal", 400L]], (await job.LatestAsync(MetricNames.TopCountry))!.Rows);
    }

    [Fact]
    public async Task The_metrics_of_a_lake_in_S3_equal_those_of_the_same_lake_in_a_folder()
    {
        using var s3rver = new S3rver();
        await s3rver.StartAsync();
        using (var s3 = new S3LakeStore(s3rver.Settings("history/lake"), S3rver.Credentials))
            await SmallLake.WriteAsync(s3);
        var lake = LakeSettings.FromConfig(Akka.Configuration.ConfigurationFactory.Empty) with { S3 = s3rver.Settings() };

        var fromS3 = await LakeHistory.ComputeAsync("s3://lake/history/lake", lake, _settings, credentials: S3rver.Credentials);
        var fromFolder = await LakeHistory.ComputeAsync(_folder, lake, _settings);

        Assert.Equal(9, fromS3.Count);
        Assert.Equal(fromFolder.Select(t => (t.Metric, Encoding.UTF8.GetString(MetricTableJson.Write(t)))), fromS3.Select(t => (t.Metric, Encoding.UTF8.GetString(MetricTableJson.Write(t)))));
        Assert.Equal(2, Assert.Single(await LakeHistory.ComputeAsync(_folder, lake, _settings, MetricNames.CategoryByCountry)).Rows.Count);
        await Assert.ThrowsAsync<DirectoryNotFoundException>(() => LakeHistory.ComputeAsync(Path.Combine(_folder, "missing"), lake, _settings));
    }
}
