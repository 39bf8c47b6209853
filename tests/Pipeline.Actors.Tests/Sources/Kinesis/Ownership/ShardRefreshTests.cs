using Akka.Actor;
using Akka.Streams.Dsl;
using Pipeline.Actors.Records;
using Pipeline.Actors.Sources.Kinesis;
using Pipeline.Actors.Sources.Kinesis.Ownership;
using Xunit;
using Xunit.Abstractions;

namespace Pipeline.Actors.Tests.Sources.Kinesis.Ownership;

[Collection(KinesaliteCollection.Name)]
public sealed class ShardRefreshTests(KinesaliteFixture kinesalite, ITestOutputHelper output)
    : KinesisTestKit(kinesalite.Endpoint, output)
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(20);

    [Fact]
    public async Task A_stream_created_while_running_is_read_from_the_next_shard_listing()
    {
        var prefix = $"r{Guid.NewGuid().ToString("N")[..10]}";
        var pin = KinesisStreamName.For(prefix, Table.Pin);
        var geo = KinesisStreamName.For(prefix, Table.Geo);
        await CreateStreamAsync(pin, shards: 1);
        var settings = Settings with { StreamPrefixes = [prefix] };
        var coordinator = Sys.ActorOf(KinesisShardCoordinator.Props(Client, settings, streams: null, settle: TimeSpan.Zero));
        var testActor = TestActor;
        var (control, completion) = KinesisSource.Owned(Sys, Client, settings, coordinator)
            .ToMaterialized(Sink.ForEach<RawRecord>(record => testActor.Tell(record)), Keep.Both)
            .Run(Materializer);
        var first = await PutAsync(pin, ["pin-0", "pin-1"]);
        Assert.Equal(first.Select(w => w.SequenceNumber), ReceiveRecords(2, Timeout).Select(r => r.Position.Offset));

        await CreateStreamAsync(geo, shards: 2);
        var later = await PutAsync(geo, Enumerable.Range(0, 10).Select(i => $"geo-{i}"));

        var records = ReceiveRecords(later.Count, Timeout);
        Assert.Equal(later.Select(w => w.SequenceNumber).Order(), records.Select(r => r.Position.Offset).Order());
        Assert.All(records, r => Assert.Equal((Table.Geo, KinesisSource.SourceNameOf(geo)), (r.Table, r.Position.Source)));
        var owners = await coordinator.Ask<ShardOwners>(GetShardOwners.Instance, Timeout);
        Assert.Equal(3, owners.Shards.Count);
        await control.DrainAndShutdownAsync(completion, Timeout);
    }
}
