using Akka.Actor;
using Pipeline.Actors.History;
using Pipeline.Actors.Lake;
using Pipeline.Actors.Records;
using Xunit;

namespace Pipeline.Actors.Tests.History;

public sealed class HistorySchedulerTests : Akka.TestKit.Xunit2.TestKit, IAsyncLifetime
{
    private readonly string _folder = Directory.CreateTempSubdirectory("history-scheduler-").FullName;

    public Task InitializeAsync() => SmallLake.WriteAsync(new FolderLakeStore(_folder));

    public Task DisposeAsync()
    {
        Directory.Delete(_folder, recursive: true);
        return Task.CompletedTask;
    }

    private static HistorySettings Settings => HistorySettings.FromConfig(Akka.Configuration.ConfigurationFactory.Empty) with
    {
        RetryDelay = TimeSpan.FromMilliseconds(300),
    };

    [Fact]
    public async Task The_job_runs_at_the_scheduled_time_of_the_injected_clock()
    {
        var start = DateTimeOffset.UtcNow;
        var offset = new DateTimeOffset(2026, 11, 25, 23, 59, 59, 500, TimeSpan.Zero) - start;
        var scheduler = Sys.ActorOf(HistoryScheduler.Props(new HistoryJob(new FolderLakeStore(_folder), Settings), Settings, () => DateTimeOffset.UtcNow + offset));

        var runs = await AwaitRunsAsync(scheduler, 1);

        var run = Assert.Single(runs);
        Assert.Equal(HistoryRunStatus.Succeeded, run.Status);
        // The scheduler's timer may fire a tick early; the run still belongs to the 00:00 slot.
        Assert.InRange(run.Started, new DateTimeOffset(2026, 11, 25, 23, 59, 59, 900, TimeSpan.Zero), new DateTimeOffset(2026, 11, 26, 0, 0, 5, TimeSpan.Zero));
        var latest = await scheduler.Ask<HistoryScheduler.LatestHistory>(new HistoryScheduler.GetLatest(MetricNames.TopCountry), TimeSpan.FromSeconds(10));
        Assert.Equal([["Peru", "Hal", 400L]], latest.Table!.Rows);
    }

    [Fact]
    public async Task A_failed_run_is_reported_and_retried_once()
    {
        var store = new FolderLakeStore(_folder);
        await store.PutAsync("tables/geo/date=2026-11-26/part-broken-0-0000000000.parquet", "not parquet"u8.ToArray());
        var scheduler = Sys.ActorOf(HistoryScheduler.Props(new HistoryJob(store, Settings), Settings));

        var first = await scheduler.Ask<HistoryRun>(new HistoryScheduler.RunNow(), TimeSpan.FromSeconds(20));

        Assert.Equal((HistoryRunStatus.Failed, 1), (first.Status, first.Attempt));
        var runs = await AwaitRunsAsync(scheduler, 2);
        await Task.Delay(Settings.RetryDelay * 3);
        runs = await scheduler.Ask<HistoryScheduler.HistoryRuns>(new HistoryScheduler.GetRuns(), TimeSpan.FromSeconds(10)).ContinueWith(t => t.Result.Runs);
        Assert.Equal([(HistoryRunStatus.Failed, 1), (HistoryRunStatus.Failed, 2)], runs.Select(r => (r.Status, r.Attempt)));
        Assert.Null((await scheduler.Ask<HistoryScheduler.LatestHistory>(new HistoryScheduler.GetLatest(MetricNames.TopCountry), TimeSpan.FromSeconds(10))).Table);
    }

    private static async Task<IReadOnlyList<HistoryRun>> AwaitRunsAsync(IActorRef scheduler, int count)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            var runs = (await scheduler.Ask<HistoryScheduler.HistoryRuns>(new HistoryScheduler.GetRuns(), TimeSpan.FromSeconds(10))).Runs;
            if (runs.Count >= count || DateTime.UtcNow > deadline)
                return runs;
            await Task.Delay(100);
        }
    }
}
