using Akka.Actor;
using Pipeline.Actors.Sources.Kinesis;
using Xunit;
using Xunit.Abstractions;

namespace Pipeline.Actors.Tests.Sources.Kinesis;

/// <summary>The checkpoint actor on the SQLite journal (no Kinesis involved).</summary>
public sealed class ShardCheckpointsTests(ITestOutputHelper output)
    : KinesisTestKit(new Uri("http://127.0.0.1:9/"), output, "pipeline.kinesis.snapshot-every = 2")
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task Checkpoints_only_advance_and_survive_a_new_incarnation()
    {
        var stream = KinesisTestConfig.UniqueStream();
        var first = Sys.ActorOf(ShardCheckpoints.Props(stream, Settings));

        first.Tell(new ShardCheckpoints.Commit("shardId-000000000000", "205"));
        first.Tell(new ShardCheckpoints.Commit("shardId-000000000000", "99"));
        first.Tell(new ShardCheckpoints.Commit("shardId-000000000001", "7"));
        var flushed = await first.Ask<ShardCheckpoints.Flushed>(ShardCheckpoints.Flush.Instance, Timeout);
        // Enough flushes to pass snapshot-every, so recovery starts from a snapshot plus events.
        foreach (var sequence in new[] { "8", "9", "10" })
        {
            first.Tell(new ShardCheckpoints.Commit("shardId-000000000001", sequence));
            await first.Ask<ShardCheckpoints.Flushed>(ShardCheckpoints.Flush.Instance, Timeout);
        }

        Assert.Equal("205", flushed.ByShard["shardId-000000000000"]);
        await first.GracefulStop(Timeout);

        var second = Sys.ActorOf(ShardCheckpoints.Props(stream, Settings));
        var recovered = await second.Ask<ShardCheckpoints.Checkpoints>(ShardCheckpoints.GetCheckpoints.Instance, Timeout);
        Assert.Equal(
            new Dictionary<string, string> { ["shardId-000000000000"] = "205", ["shardId-000000000001"] = "10" },
            recovered.ByShard);
    }
}
