using System.Text;
using Akka.Streams;
using Akka.Streams.Dsl;
using Pipeline.Actors.Lake;
using Pipeline.Actors.Records;
using Xunit;

namespace Pipeline.Actors.Tests.Lake;

public sealed class LakeSinkTests : Akka.TestKit.Xunit2.TestKit, IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("lake-sink-").FullName;

    private static LakeSettings Settings(int flushSize = 100, double rotateIdleSeconds = 30) =>
        LakeSettings.FromConfig(Akka.Configuration.ConfigurationFactory.Empty) with
        {
            FlushSize = flushSize,
            RotateIdle = TimeSpan.FromSeconds(rotateIdleSeconds),
            MinBackoff = TimeSpan.FromMilliseconds(50),
        };

    [Fact]
    public async Task Writes_the_layout_and_names_byte_for_byte()
    {
        var kinesis = new SourcePosition("kinesis:streaming-p-user", "shardId-000000000001", "49590338271490256608559692538361571095921575989136588802", LakeSamples.Arrival);
        var entries = new[]
        {
            LakeSamples.Pin(LakeSamples.Kafka("p.pin", 0, 41), 7, "Ann", 1000, "travel"),
            LakeSamples.Malformed(LakeSamples.Kafka("p.pin", 0, 42), Table.Pin, "{\"index\": 8,\n \"title\":"),
            LakeSamples.Pin(LakeSamples.Kafka("p.pin", 0, 43), 9, "Bob", 20, "art"),
            LakeSamples.Geo(LakeSamples.Kafka("p.geo", 3, 5), 7, "Chile", new DateTimeOffset(2019, 1, 2, 23, 0, 0, TimeSpan.Zero)),
            LakeSamples.Geo(LakeSamples.Kafka("p.geo", 3, 6), 9, "Peru", new DateTimeOffset(2021, 6, 1, 0, 0, 0, TimeSpan.Zero)),
            LakeSamples.User(kinesis, 7, "Ann Lee", 30, new DateTimeOffset(2016, 4, 5, 0, 0, 0, TimeSpan.Zero)),
        };

        var positions = await Run(entries, Settings());

        Assert.Equal(["p.geo/3@6", "p.pin/0@43", "streaming-p-user/shardId-000000000001@49590338271490256608559692538361571095921575989136588802"],
            positions.Select(p => $"{p.Source[(p.Source.IndexOfAny([':', '/']) + 1)..].Split('/')[^1]}/{p.Partition}@{p.Offset}").Order(StringComparer.Ordinal));
        var store = new FolderLakeStore(_folder);
        Assert.Equal(
            [
                "_windows/streams/streaming-p-user/shard=shardId-000000000001/streaming-p-user+shardId-000000000001+49590338271490256608559692538361571095921575989136588802+49590338271490256608559692538361571095921575989136588802.json",
                "_windows/topics/p.geo/partition=3/p.geo+3+0000000005+0000000006.json",
                "_windows/topics/p.pin/partition=0/p.pin+0+0000000041+0000000043.json",
                "quarantine/topics/p.pin/partition=0/p.pin+0+0000000041.json",
                "streams/streaming-p-user/shard=shardId-000000000001/streaming-p-user+shardId-000000000001+49590338271490256608559692538361571095921575989136588802.json",
                "tables/geo/date=2019-01-02/part-p.geo-3-0000000005.parquet",
                "tables/geo/date=2021-06-01/part-p.geo-3-0000000005.parquet",
                "tables/pin/date=2026-11-25/part-p.pin-0-0000000041.parquet",
                "tables/user/date=2016-04-05/part-streaming-p-user-shardId-000000000001-49590338271490256608559692538361571095921575989136588802.parquet",
                "topics/p.geo/partition=3/p.geo+3+0000000005.json",
                "topics/p.pin/partition=0/p.pin+0+0000000041.json",
            ],
            await store.ListAsync(""));

        Assert.Equal(
            "{\"index\":7,\"poster_name\":\"Ann\",\"follower_count\":\"1000\",\"category\":\"travel\"}\n"
            + "\"{\\u0022index\\u0022: 8,\\n \\u0022title\\u0022:\"\n"
            + "{\"index\":9,\"poster_name\":\"Bob\",\"follower_count\":\"20\",\"category\":\"art\"}\n",
            await Text(store, "topics/p.pin/partition=0/p.pin+0+0000000041.json"));
        Assert.Equal(
            "{\"table\":\"pin\",\"reason\":\"malformed_json\",\"detail\":\"unexpected end\",\"source\":\"kafka:cluster-1/p.pin\",\"partition\":\"0\",\"offset\":\"42\","
            + "\"arrival_time\":\"2026-11-25T10:00:42Z\",\"raw\":\"{\\u0022index\\u0022: 8,\\n \\u0022title\\u0022:\"}\n",
            await Text(store, "quarantine/topics/p.pin/partition=0/p.pin+0+0000000041.json"));
        Assert.Equal(
            "{\"source\":\"kafka:cluster-1/p.pin\",\"partition\":\"0\",\"first_offset\":\"41\",\"last_offset\":\"43\",\"records\":3}",
            await Text(store, "_windows/topics/p.pin/partition=0/p.pin+0+0000000041+0000000043.json"));
        Assert.Equal(
            "{\"ind\":7,\"country\":\"Chile\",\"timestamp\":\"2019-01-02 23:00:00\"}\n{\"ind\":9,\"country\":\"Peru\",\"timestamp\":\"2021-06-01 00:00:00\"}\n",
            await Text(store, "topics/p.geo/partition=3/p.geo+3+0000000005.json"));
    }

    [Fact]
    public async Task Partitioned_by_arrival_time_a_window_writes_one_part_per_table()
    {
        var entries = new[]
        {
            LakeSamples.Geo(LakeSamples.Kafka("p.geo", 0, 0), 1, "Chile", new DateTimeOffset(2019, 1, 2, 0, 0, 0, TimeSpan.Zero)),
            LakeSamples.Geo(LakeSamples.Kafka("p.geo", 0, 1), 2, "Peru", new DateTimeOffset(2021, 6, 1, 0, 0, 0, TimeSpan.Zero)),
        };

        await Run(entries, Settings() with { PartitionDate = LakeDatePartition.ArrivalTime });

        Assert.Equal(["tables/geo/date=2026-11-25/part-p.geo-0-0000000000.parquet"], await new FolderLakeStore(_folder).ListAsync("tables/"));
    }

    [Fact]
    public async Task A_multi_line_JSON_value_is_written_compactly_on_one_line()
    {
        var entry = LakeSamples.Pin(LakeSamples.Kafka("p.pin", 0, 0), 1);
        var pretty = entry with { Raw = entry.Raw with { Value = Encoding.UTF8.GetBytes("{\n  \"index\": 1,\n  \"tags\": [\"a\", \"b\"]\n}") } };

        await Run([pretty], Settings());

        Assert.Equal("{\"index\":1,\"tags\":[\"a\",\"b\"]}\n", await Text(new FolderLakeStore(_folder), "topics/p.pin/partition=0/p.pin+0+0000000000.json"));
    }

    [Fact]
    public async Task Windows_close_at_flush_size_and_rotate_interval_of_arrival_time()
    {
        var start = LakeSamples.Arrival;
        var entries = new[] { 0, 10, 20, 30, 65, 70 }
            .Select((seconds, i) => LakeSamples.Pin(LakeSamples.Kafka("p.pin", 0, i, start.AddSeconds(seconds)), i))
            .ToArray();

        var positions = await Run(entries, Settings(flushSize: 3) with { RotateInterval = TimeSpan.FromSeconds(60) });

        // By size: [0,1,2] [3,4,5] (65 s is only 35 s after the second window's start at 30 s).
        Assert.Equal(["2", "5"], positions.Select(p => p.Offset));
        // By arrival time: 65 s is 60 s or more after the window's start at 0 s, so [0..3] [4,5].
        var intervalClosed = await Run(entries, Settings(flushSize: 100) with { RotateInterval = TimeSpan.FromSeconds(60) }, new FolderLakeStore(Path.Combine(_folder, "second")));
        Assert.Equal(["3", "5"], intervalClosed.Select(p => p.Offset));
    }

    [Fact]
    public async Task A_crash_between_write_and_commit_rewrites_the_same_objects_on_replay()
    {
        var entries = Enumerable.Range(0, 7)
            .Select(i => i % 3 == 2
                ? LakeSamples.Malformed(LakeSamples.Kafka("p.pin", 0, i), Table.Pin, "{")
                : LakeSamples.Pin(LakeSamples.Kafka("p.pin", 0, i), i))
            .ToArray();
        var store = new FolderLakeStore(_folder);

        // First run: windows [0-1] [2-3] [4-5] [6]; the positions are never committed (a crash).
        var first = await Run(entries, Settings(flushSize: 2), store);
        Assert.Equal(["1", "3", "5", "6"], first.Select(p => p.Offset));
        var before = await Snapshot(store);

        // The replay starts from the last commit (nothing) with other settings that would cut other windows.
        var replay = await Run(entries, Settings(flushSize: 5), store);

        Assert.Equal(["1", "3", "5", "6"], replay.Select(p => p.Offset));
        var after = await Snapshot(store);
        Assert.Equal(before.Keys, after.Keys);
        foreach (var (key, content) in before)
            Assert.True(content.SequenceEqual(after[key]), $"{key} changed on replay");
        var rawLines = after.Where(o => o.Key.StartsWith("topics/", StringComparison.Ordinal))
            .SelectMany(o => Encoding.UTF8.GetString(o.Value).Split('\n', StringSplitOptions.RemoveEmptyEntries))
            .ToList();
        Assert.Equal(7, rawLines.Count);
    }

    [Fact]
    public async Task A_window_whose_marker_was_lost_is_cut_where_the_next_written_window_starts()
    {
        var entries = Enumerable.Range(0, 7).Select(i => LakeSamples.Pin(LakeSamples.Kafka("p.pin", 0, i), i)).ToArray();
        var store = new FolderLakeStore(_folder);
        await Run(entries, Settings(flushSize: 2), store);
        // Windows are written in parallel: [2-3] had not written its marker when the crash came.
        File.Delete(Path.Combine(_folder, "_windows/topics/p.pin/partition=0/p.pin+0+0000000002+0000000003.json"));
        var before = await Snapshot(store);

        var replay = await Run(entries, Settings(flushSize: 5), store);

        Assert.Equal(["1", "3", "5", "6"], replay.Select(p => p.Offset));
        var after = await Snapshot(store);
        Assert.Equal(before.Keys.Append("_windows/topics/p.pin/partition=0/p.pin+0+0000000002+0000000003.json").Order(StringComparer.Ordinal), after.Keys);
        foreach (var (key, content) in before)
            Assert.True(content.SequenceEqual(after[key]), $"{key} changed on replay");
    }

    [Fact]
    public async Task An_aligned_window_still_incomplete_when_the_stream_ends_is_not_reported()
    {
        var entries = Enumerable.Range(0, 4).Select(i => LakeSamples.Pin(LakeSamples.Kafka("p.pin", 0, i), i)).ToArray();
        var store = new FolderLakeStore(_folder);
        await Run(entries, Settings(flushSize: 4), store);

        var partial = await Run(entries[..2], Settings(flushSize: 1), store);

        Assert.Empty(partial);
        Assert.Single(await store.ListAsync("topics/"));
    }

    [Fact]
    public async Task A_partition_idle_for_rotate_idle_is_flushed_while_the_stream_stays_open()
    {
        var probe = CreateTestProbe();
        var materializer = Sys.Materializer();
        var queue = Source.Queue<LakeEntry>(16, OverflowStrategy.Backpressure)
            .Via(LakeSink.Create(new FolderLakeStore(_folder), Settings(flushSize: 100, rotateIdleSeconds: 0.4)))
            .To(Sink.ActorRef<SourcePosition>(probe.Ref, "done", _ => "failed"))
            .Run(materializer);

        await queue.OfferAsync(LakeSamples.Pin(LakeSamples.Kafka("p.pin", 0, 10), 1));
        await queue.OfferAsync(LakeSamples.Pin(LakeSamples.Kafka("p.pin", 0, 11), 2));
        probe.ExpectNoMsg(TimeSpan.FromMilliseconds(200));
        Assert.Equal("11", probe.ExpectMsg<SourcePosition>(TimeSpan.FromSeconds(3)).Offset);
        Assert.Single(await new FolderLakeStore(_folder).ListAsync("tables/"));

        await queue.OfferAsync(LakeSamples.Pin(LakeSamples.Kafka("p.pin", 0, 12), 3));
        Assert.Equal("12", probe.ExpectMsg<SourcePosition>(TimeSpan.FromSeconds(3)).Offset);
        queue.Complete();
        probe.ExpectMsg("done");
    }

    private Task<IReadOnlyList<SourcePosition>> Run(IEnumerable<LakeEntry> entries, LakeSettings settings, ILakeStore? store = null) =>
        Source.From(entries)
            .Via(LakeSink.Create(store ?? new FolderLakeStore(_folder), settings))
            .RunWith(Sink.Seq<SourcePosition>(), Sys.Materializer())
            .ContinueWith(t => (IReadOnlyList<SourcePosition>)t.Result);

    private static async Task<Dictionary<string, byte[]>> Snapshot(ILakeStore store)
    {
        var objects = new Dictionary<string, byte[]>();
        foreach (var key in await store.ListAsync(""))
            objects[key] = (await store.GetAsync(key))!;
        return objects;
    }

    private static async Task<string> Text(ILakeStore store, string key) => Encoding.UTF8.GetString((await store.GetAsync(key))!);

    void IDisposable.Dispose()
    {
        Directory.Delete(_folder, recursive: true);
        base.Dispose();
    }
}
