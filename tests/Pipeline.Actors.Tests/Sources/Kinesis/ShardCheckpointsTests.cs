using Akka.Actor;
using Akka.Persistence;
using Pipeline.Actors.Sources.Kinesis;
using Xunit;
using Xunit.Abstractions;

namespace Pipeline.Actors.Tests.Sources.Kinesis;

/// <summary>The checkpoint actor of one shard on the SQLite journal (no Kinesis involved).</summary>
public sealed class ShardCheckpointsTests(ITestOutputHelper output)
    : KinesisTestKit(new Uri("http://127.0.0.1:9/"), output, "pipeline.kinesis.snapshot-every = 2")
{
    private const string Shard = "shardId-000000000001";
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task Checkpoints_only_advance_and_survive_a_new_incarnation()
    {
        var stream = KinesisTestConfig.UniqueStream();
        var first = Sys.ActorOf(ShardCheckpoints.Props(stream, Shard, Settings));

        first.Tell(new ShardCheckpoints.Commit(Shard, "205"));
        first.Tell(new ShardCheckpoints.Commit(Shard, "99"));
        var flushed = await first.Ask<ShardCheckpoints.Flushed>(ShardCheckpoints.Flush.Instance, Timeout);
        // Enough flushes to pass snapshot-every, so recovery starts from a snapshot plus events.
        foreach (var sequence in new[] { "208", "209", "210" })
        {
            first.Tell(new ShardCheckpoints.Commit(Shard, sequence));
            await first.Ask<ShardCheckpoints.Flushed>(ShardCheckpoints.Flush.Instance, Timeout);
        }

        Assert.Equal("205", flushed.ByShard[Shard]);
        await first.GracefulStop(Timeout);

        var second = Sys.ActorOf(ShardCheckpoints.Props(stream, Shard, Settings));
        var recovered = await second.Ask<ShardCheckpoints.Checkpoints>(ShardCheckpoints.GetCheckpoints.Instance, Timeout);
        Assert.Equal(new Dictionary<string, string> { [Shard] = "210" }, recovered.ByShard);
        var other = Sys.ActorOf(ShardCheckpoints.Props(stream, "shardId-000000000000", Settings));
        Assert.Empty((await other.Ask<ShardCheckpoints.Checkpoints>(ShardCheckpoints.GetCheckpoints.Instance, Timeout)).ByShard);
    }

    [Fact]
    public async Task A_drain_waits_for_the_last_emitted_record_then_writes_and_stops()
    {
        var stream = KinesisTestConfig.UniqueStream();
        var checkpoints = Sys.ActorOf(ShardCheckpoints.Props(stream, Shard, Settings));
        Watch(checkpoints);
        checkpoints.Tell(new ShardCheckpoints.Commit(Shard, "10"));

        checkpoints.Tell(new ShardCheckpoints.DrainThrough("30", Timeout), TestActor);
        checkpoints.Tell(new ShardCheckpoints.Commit(Shard, "20"));
        ExpectNoMsg(TimeSpan.FromMilliseconds(300));
        checkpoints.Tell(new ShardCheckpoints.Commit(Shard, "30"));

        Assert.Equal("30", ExpectMsg<ShardCheckpoints.Flushed>(Timeout).ByShard[Shard]);
        ExpectTerminated(checkpoints, Timeout);
        var next = Sys.ActorOf(ShardCheckpoints.Props(stream, Shard, Settings));
        Assert.Equal("30", (await next.Ask<ShardCheckpoints.Checkpoints>(ShardCheckpoints.GetCheckpoints.Instance, Timeout)).ByShard[Shard]);
    }

    [Fact]
    public void A_drain_that_times_out_writes_what_was_reported()
    {
        var checkpoints = Sys.ActorOf(ShardCheckpoints.Props(KinesisTestConfig.UniqueStream(), Shard, Settings));
        Watch(checkpoints);
        checkpoints.Tell(new ShardCheckpoints.Commit(Shard, "10"));

        checkpoints.Tell(new ShardCheckpoints.DrainThrough("30", TimeSpan.FromMilliseconds(300)), TestActor);

        Assert.Equal("10", ExpectMsg<ShardCheckpoints.Flushed>(Timeout).ByShard[Shard]);
        ExpectTerminated(checkpoints, Timeout);
    }

    [Fact]
    public async Task A_shard_without_a_checkpoint_of_its_own_starts_from_its_stream_checkpoint_of_before()
    {
        var stream = KinesisTestConfig.UniqueStream();
        var before = Sys.ActorOf(Props.Create(() => new StreamCheckpointWriter(stream)));
        await before.Ask<Done>(new ShardCheckpoints.ShardsCheckpointed(new Dictionary<string, string> { [Shard] = "77", ["shardId-000000000000"] = "5" }), Timeout);
        await before.GracefulStop(Timeout);

        var checkpoints = Sys.ActorOf(ShardCheckpoints.Props(stream, Shard, Settings));
        var recovered = await checkpoints.Ask<ShardCheckpoints.Checkpoints>(ShardCheckpoints.GetCheckpoints.Instance, Timeout);
        Assert.Equal(new Dictionary<string, string> { [Shard] = "77" }, recovered.ByShard);

        checkpoints.Tell(new ShardCheckpoints.Commit(Shard, "78"));
        await checkpoints.Ask<ShardCheckpoints.Flushed>(ShardCheckpoints.Flush.Instance, Timeout);
        await checkpoints.GracefulStop(Timeout);
        var again = Sys.ActorOf(ShardCheckpoints.Props(stream, Shard, Settings));
        Assert.Equal("78", (await again.Ask<ShardCheckpoints.Checkpoints>(ShardCheckpoints.GetCheckpoints.Instance, Timeout)).ByShard[Shard]);
    }

    private sealed record Done;

    /// <summary>Writes a stream's checkpoints under the persistence id they had before shards had owners.</summary>
    private sealed class StreamCheckpointWriter : ReceivePersistentActor
    {
        public StreamCheckpointWriter(string stream)
        {
            PersistenceId = $"kinesis-checkpoints-{stream}";
            Command<ShardCheckpoints.ShardsCheckpointed>(checkpointed => Persist(checkpointed, _ => Sender.Tell(new Done())));
        }

        public override string PersistenceId { get; }
    }
}
