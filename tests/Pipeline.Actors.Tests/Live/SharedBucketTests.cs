using Akka.Actor;
using Akka.Cluster.Sharding;
using Pipeline.Actors.Assembly;
using Pipeline.Actors.Records;
using Xunit;

namespace Pipeline.Actors.Tests.Live;

/// <summary>
/// Live state fed by several stages at once (as several ingest nodes do), and entities that stop
/// abruptly between checkpoints: every post still counts exactly once.
/// </summary>
public sealed class SharedBucketTests : LiveTestKit
{
    public SharedBucketTests()
        : base("pipeline.live.checkpoints.interval = 1h")
    {
    }

    /// <summary>The stream split by table into three partitions, each keeping its records' order, as
    /// the pin, geo and user topics are.</summary>
    private static IReadOnlyList<List<Cleaned>> ByTable(IReadOnlyList<ICleanRecord> records) =>
        records
            .Select((record, index) => (Record: record, Index: index))
            .GroupBy(entry => entry.Record.Table)
            .Select(table => table
                .Select((entry, offset) => (Cleaned)TestRecords.Cleaned(
                    entry.Record,
                    TestRecords.At(offset, TimeSpan.FromSeconds(entry.Index), table.Key.ToString())))
                .ToList())
            .ToList();

    [Fact]
    public async Task Three_stages_feeding_the_same_buckets_at_once_count_every_post_once()
    {
        var records = SyntheticPosts.Records(900, seed: 21);
        var run = new LiveRun(Sys, await LiveTestSystem.StartAsync(Sys));

        await Task.WhenAll(ByTable(records).Select(partition => run.RunAsync(partition)));

        Assert.Equal(ReferenceMetrics.Compute(records).Select(ReferenceMetrics.Render), (await run.MetricsAsync()).Select(ReferenceMetrics.Render));
    }

    [Fact]
    public async Task Entities_and_buckets_stopped_abruptly_between_checkpoints_lose_nothing()
    {
        var records = SyntheticPosts.Records(600, seed: 22);
        var stream = SyntheticPosts.Stream(records, seed: 22);
        var run = new LiveRun(Sys, await LiveTestSystem.StartAsync(Sys));
        var firstHalf = stream.Take(stream.Count / 2).OfType<CleanedRecord>().ToList();

        // The first half reaches the buckets and their consumers as a stage would send it; no
        // checkpoint follows, so none of it is durable outside the buckets' journals.
        await Task.WhenAll(firstHalf
            .GroupBy(record => run.Settings.Assembly.BucketOf(record.Record.Ind))
            .Select(bucket => run.Regions.Assemblers.Ask<PostsAssembled>(
                new ShardingEnvelope(bucket.Key.ToString(System.Globalization.CultureInfo.InvariantCulture), new AssembleRecords(bucket.ToList())),
                TimeSpan.FromSeconds(30))));
        var poster = firstHalf.Select(record => record.Record).OfType<CleanPin>().GroupBy(pin => pin.PosterName).MaxBy(group => group.Count())!.Key!;
        var category = firstHalf.Select(record => record.Record).OfType<CleanPin>().First(pin => pin.Category is not null).Category!;
        var view = await run.Queries.ProfileAsync(poster);
        Assert.True(view!.Posts > 1);
        run.Regions.Profiles.Tell(new ShardingEnvelope(poster, PoisonPill.Instance));
        run.Regions.Categories.Tell(new ShardingEnvelope(category, PoisonPill.Instance));
        run.Regions.Assemblers.Tell(new ShardingEnvelope("3", PoisonPill.Instance));

        // The buckets find the consumers short of changes and deliver again; the stage never notices.
        await run.RunAsync(stream);

        Assert.Equal(ReferenceMetrics.Compute(records).Select(ReferenceMetrics.Render), (await run.MetricsAsync()).Select(ReferenceMetrics.Render));
        Assert.Equal(
            records.OfType<CleanPin>().Where(pin => pin.PosterName == poster).Select(pin => pin.Ind).Distinct().Count(),
            (await run.Queries.ProfileAsync(poster))!.Posts);
    }

    [Fact]
    public async Task A_bucket_stops_on_the_hand_off_message_and_comes_back_from_its_journal()
    {
        var records = SyntheticPosts.Records(300, seed: 23);
        var run = new LiveRun(Sys, await LiveTestSystem.StartAsync(Sys));
        await run.RunAsync(SyntheticPosts.Stream(records, seed: 23));
        var before = await run.Regions.Assemblers.Ask<AssemblerStatus>(new ShardingEnvelope("5", GetAssemblerStatus.Instance), TimeSpan.FromSeconds(10));

        run.Regions.Assemblers.Tell(new ShardingEnvelope("5", Pipeline.Actors.Checkpoints.StopEntity.Instance));
        await AwaitConditionAsync(async () =>
        {
            var state = await run.Regions.Assemblers.Ask<CurrentShardRegionState>(GetShardRegionState.Instance);
            return !state.Shards.SelectMany(shard => shard.EntityIds).Contains("5");
        }, TimeSpan.FromSeconds(3));

        Assert.Equal(before, await run.Regions.Assemblers.Ask<AssemblerStatus>(new ShardingEnvelope("5", GetAssemblerStatus.Instance), TimeSpan.FromSeconds(10)));
        Assert.Equal(ReferenceMetrics.Compute(records).Select(ReferenceMetrics.Render), (await run.MetricsAsync()).Select(ReferenceMetrics.Render));
    }
}
