using System.Text;
using Akka.Streams;
using Akka.Streams.Dsl;
using DuckDB.NET.Data;
using Pipeline.Actors.Lake;
using Pipeline.Actors.Records;
using Xunit;

namespace Pipeline.Actors.Tests.Lake;

public sealed class S3LakeStoreTests : Akka.TestKit.Xunit2.TestKit, IAsyncLifetime
{
    private readonly S3rver _s3rver = new();

    public Task InitializeAsync() => _s3rver.StartAsync();

    public Task DisposeAsync()
    {
        _s3rver.Dispose();
        return Task.CompletedTask;
    }

    private static LakeSettings Settings(int flushSize) =>
        LakeSettings.FromConfig(Akka.Configuration.ConfigurationFactory.Empty) with
        {
            FlushSize = flushSize,
            MinBackoff = TimeSpan.FromMilliseconds(50),
            MaxBackoff = TimeSpan.FromMilliseconds(400),
        };

    [Fact]
    public async Task The_sink_writes_the_same_layout_to_S3_under_a_prefix_and_it_reads_back()
    {
        using var store = new S3LakeStore(_s3rver.Settings("lake/v1"), S3rver.Credentials);
        var entries = new[]
        {
            LakeSamples.Pin(LakeSamples.Kafka("p.pin", 0, 0), 1),
            LakeSamples.Pin(LakeSamples.Kafka("p.pin", 0, 1), 2),
            LakeSamples.Geo(LakeSamples.Kafka("p.geo", 0, 0), 1, "Chile", new DateTimeOffset(2020, 1, 1, 0, 0, 0, TimeSpan.Zero)),
        };

        var positions = await Source.From(entries).Via(LakeSink.Create(store, Settings(10)))
            .RunWith(Sink.Seq<SourcePosition>(), Sys.Materializer());

        Assert.Equal(2, positions.Count);
        Assert.Equal("s3://lake/lake/v1", store.Location);
        Assert.Equal(
            ["tables/geo/date=2020-01-01/part-p.geo-0-0000000000.parquet", "tables/pin/date=2026-11-25/part-p.pin-0-0000000000.parquet"],
            await store.ListAsync("tables/"));
        Assert.Equal(
            "{\"index\":1,\"poster_name\":\"Poster\",\"follower_count\":\"1000\",\"category\":\"travel\"}\n{\"index\":2,\"poster_name\":\"Poster\",\"follower_count\":\"1000\",\"category\":\"travel\"}\n",
            Encoding.UTF8.GetString((await store.GetAsync("topics/p.pin/partition=0/p.pin+0+0000000000.json"))!));
        Assert.Null(await store.GetAsync("topics/none.json"));

        var settings = LakeSettings.FromConfig(Akka.Configuration.ConfigurationFactory.Empty) with { S3 = _s3rver.Settings() };
        using var byLocation = (S3LakeStore)LakeStores.ForLocation("s3://lake/lake/v1", settings, S3rver.Credentials);
        var parquet = (await byLocation.GetAsync("tables/pin/date=2026-11-25/part-p.pin-0-0000000000.parquet"))!;
        var file = Path.Combine(Path.GetTempPath(), $"pin-{Guid.NewGuid():N}.parquet");
        await File.WriteAllBytesAsync(file, parquet);
        try
        {
            using var connection = new DuckDBConnection("Data Source=:memory:");
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = $"SELECT sum(ind)::BIGINT FROM read_parquet('{file}')";
            Assert.Equal(3L, Convert.ToInt64(command.ExecuteScalar()));
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public async Task S3_stopped_mid_run_back_pressures_the_source_reports_nothing_and_resumes_losing_nothing()
    {
        using var store = new S3LakeStore(_s3rver.Settings(), S3rver.Credentials);
        var probe = CreateTestProbe();
        var queue = Source.Queue<LakeEntry>(4, OverflowStrategy.Backpressure)
            .Via(LakeSink.Create(store, Settings(2) with { WriteParallelism = 2 }))
            .To(Sink.ActorRef<SourcePosition>(probe.Ref, "done", _ => "failed"))
            .Run(Sys.Materializer());
        var entries = Enumerable.Range(0, 100).Select(i => LakeSamples.Pin(LakeSamples.Kafka("p.pin", 0, i), i)).ToArray();

        await queue.OfferAsync(entries[0]);
        await queue.OfferAsync(entries[1]);
        Assert.Equal("1", probe.ExpectMsg<SourcePosition>(TimeSpan.FromSeconds(10)).Offset);

        _s3rver.Stop();
        // Offers are accepted until the bounded buffers are full; then one stays pending.
        var offered = 2;
        Task<IQueueOfferResult>? pending = null;
        for (; offered < entries.Length; offered++)
        {
            pending = queue.OfferAsync(entries[offered]);
            if (await Task.WhenAny(pending, Task.Delay(1500)) != pending)
                break;
        }

        Assert.InRange(offered, 3, 40);
        probe.ExpectNoMsg(TimeSpan.FromMilliseconds(500));

        await _s3rver.StartAsync();
        await pending!;
        for (offered++; offered < entries.Length; offered++)
            await queue.OfferAsync(entries[offered]);

        queue.Complete();
        var reported = new List<string> { "1" };
        while (probe.ExpectMsg<object>(TimeSpan.FromSeconds(20)) is SourcePosition position)
            reported.Add(position.Offset);
        Assert.Equal(Enumerable.Range(0, 50).Select(i => (2 * i + 1).ToString()), reported);

        var raw = new List<string>();
        foreach (var key in await store.ListAsync("topics/"))
            raw.AddRange(Encoding.UTF8.GetString((await store.GetAsync(key))!).Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Equal(100, raw.Count);
        Assert.Equal(100, raw.Distinct().Count());
    }
}
