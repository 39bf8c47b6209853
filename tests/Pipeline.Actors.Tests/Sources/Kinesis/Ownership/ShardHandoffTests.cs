using System.Collections.Concurrent;
using Akka.Actor;
using Akka.Cluster;
using Akka.Streams;
using Akka.Streams.Dsl;
using Pipeline.Actors.Checkpoints;
using Pipeline.Actors.Records;
using Pipeline.Actors.Sources.Kinesis;
using Pipeline.Actors.Sources.Kinesis.Client;
using Pipeline.Actors.Sources.Kinesis.Ownership;
using Xunit;
using Xunit.Abstractions;

namespace Pipeline.Actors.Tests.Sources.Kinesis.Ownership;

/// <summary>
/// Two actor systems in this process form a cluster on 127.0.0.1 and share one SQLite journal; both
/// read one kinesalite stream of four shards through the shard coordinator.
/// </summary>
[Collection(KinesaliteCollection.Name)]
public sealed class ShardHandoffTests : KinesisTestKit
{
    private const string ClusterConfig = """
        akka.actor.provider = cluster
        akka.remote.dot-netty.tcp.hostname = "127.0.0.1"
        akka.remote.dot-netty.tcp.port = 0
        akka.cluster.seed-nodes = []
        akka.cluster.min-nr-of-members = 1
        akka.loglevel = WARNING
        """;

    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(20);

    private readonly string _prefix = $"h{Guid.NewGuid().ToString("N")[..10]}";
    private readonly ConcurrentQueue<(string Node, RawRecord Record)> _delivered = new();

    public ShardHandoffTests(KinesaliteFixture kinesalite, ITestOutputHelper output)
        : base(kinesalite.Endpoint, output, ClusterConfig)
    {
        SqliteJournalFile.Prepare(Sys.Settings.Config.GetString("akka.persistence.journal.sql.connection-string"));
    }

    private string Stream => KinesisStreamName.For(_prefix, Table.Pin);

    /// <summary>This test's system and <paramref name="other"/> joined and Up in both views, and a
    /// stream of four shards.</summary>
    private async Task<(Cluster NodeA, Cluster NodeB)> FormClusterWithStreamAsync(ActorSystem other)
    {
        var nodeA = Cluster.Get(Sys);
        var nodeB = Cluster.Get(other);
        await nodeA.JoinAsync(nodeA.SelfAddress);
        await nodeB.JoinAsync(nodeA.SelfAddress);
        AwaitCondition(() => new[] { nodeA, nodeB }.All(node => node.State.Members.Count(m => m.Status == MemberStatus.Up) == 2), Timeout);
        await CreateStreamAsync(Stream, shards: 4);
        return (nodeA, nodeB);
    }

    [Fact]
    public async Task Each_shard_is_read_by_one_node_and_a_leaving_node_hands_its_shards_over_at_their_checkpoints()
    {
        var other = ActorSystem.Create(Sys.Name, Sys.Settings.Config);
        try
        {
            var (nodeA, nodeB) = await FormClusterWithStreamAsync(other);

            var settings = Settings with { StreamPrefixes = [_prefix] };
            var commitOnB = new CommitSwitch();
            var a = Start(Sys, nodeA.SelfAddress.ToString(), settings, new CommitSwitch());
            var b = Start(other, nodeB.SelfAddress.ToString(), settings, commitOnB);

            // Balanced: two shards each, every shard on exactly one node.
            var owners = await AwaitOwnersAsync(a.Coordinator, o => o.Count == 4 && o.Values.Distinct().Count() == 2 && o.Values.GroupBy(n => n).All(g => g.Count() == 2));
            var shardsOfB = owners.Where(o => o.Value == nodeB.SelfAddress.ToString()).Select(o => o.Key.ShardId).ToHashSet();

            var first = await PutAsync(Stream, Enumerable.Range(0, 40).Select(i => $"first-{i}"));
            AwaitCondition(() => _delivered.Count == first.Count, Timeout);
            Assert.Equal(first.Select(w => w.SequenceNumber).Order(), _delivered.Select(d => d.Record.Position.Offset).Order());
            Assert.All(_delivered, d => Assert.Equal(owners[new ShardKey(Stream, d.Record.Position.Partition)], d.Node));
            Assert.True(shardsOfB.Count == 2 && first.Any(w => shardsOfB.Contains(w.ShardId)), "the records should reach both nodes");

            // B stops committing: what it reads from now on is emitted but never reported done.
            commitOnB.On = false;
            var second = await PutAsync(Stream, Enumerable.Range(0, 20).Select(i => $"second-{i}"));
            AwaitCondition(() => _delivered.Count == first.Count + second.Count, Timeout);
            var uncommitted = _delivered.Where(d => d.Node == nodeB.SelfAddress.ToString()).Select(d => d.Record.Position.Offset)
                .Intersect(second.Select(w => w.SequenceNumber)).ToHashSet();
            Assert.NotEmpty(uncommitted);

            // B leaves: it drains, writes its checkpoints and gives its shards up; A takes them over.
            var before = _delivered.Count;
            var durable = await b.Control.DrainAndShutdownAsync(b.Completion, Timeout);
            Assert.Equal(shardsOfB.Order(), durable.Keys.Select(k => k.ShardId).Order());
            await nodeB.LeaveAsync();
            await other.Terminate();
            await AwaitOwnersAsync(a.Coordinator, o => o.Count == 4 && o.Values.All(n => n == nodeA.SelfAddress.ToString()));
            var third = await PutAsync(Stream, Enumerable.Range(0, 20).Select(i => $"third-{i}"));

            // A reads again exactly what B emitted and never committed, then the new records.
            var expected = uncommitted.Concat(third.Select(w => w.SequenceNumber)).Order().ToList();
            AwaitCondition(() => _delivered.Count >= before + expected.Count, Timeout);
            await Task.Delay(500);
            var afterHandoff = _delivered.Skip(before).ToList();
            Assert.All(afterHandoff, d => Assert.Equal(nodeA.SelfAddress.ToString(), d.Node));
            Assert.Equal(expected, afterHandoff.Select(d => d.Record.Position.Offset).Order().ToList());
            var written = first.Concat(second).Concat(third).Select(w => w.SequenceNumber).ToHashSet();
            Assert.Subset(_delivered.Select(d => d.Record.Position.Offset).ToHashSet(), written);

            await a.Control.DrainAndShutdownAsync(a.Completion, Timeout);
        }
        finally
        {
            await other.Terminate();
        }
    }

    [Fact]
    public async Task When_the_coordinator_node_is_terminated_the_other_node_keeps_its_shards_and_takes_the_rest()
    {
        var other = ActorSystem.Create(Sys.Name, Sys.Settings.Config);
        try
        {
            var (nodeA, nodeB) = await FormClusterWithStreamAsync(other);

            // A is the oldest node, so the coordinator runs there.
            var settings = Settings with { StreamPrefixes = [_prefix] };
            var a = Start(Sys, nodeA.SelfAddress.ToString(), settings, new CommitSwitch());
            var b = Start(other, nodeB.SelfAddress.ToString(), settings, new CommitSwitch());
            var owners = await AwaitOwnersAsync(b.Coordinator, o => o.Count == 4 && o.Values.Distinct().Count() == 2);
            var first = await PutAsync(Stream, Enumerable.Range(0, 40).Select(i => $"first-{i}"));
            AwaitCondition(() => _delivered.Count == first.Count, Timeout);
            var readByA = _delivered.Where(d => d.Node == nodeA.SelfAddress.ToString()).Select(d => d.Record.Position.Offset).ToHashSet();

            // A stops without draining: only what its checkpoint actors wrote by then is durable.
            var before = _delivered.Count;
            await Sys.Terminate();
            var third = await PutAsync(Stream, Enumerable.Range(0, 20).Select(i => $"third-{i}"));

            // The coordinator moved to B, took B's word for the shards it reads, and gave it A's.
            await AwaitOwnersAsync(b.Coordinator, o => o.Count == 4 && o.Values.All(n => n == nodeB.SelfAddress.ToString()));
            AwaitCondition(() => _delivered.Select(d => d.Record.Position.Offset).ToHashSet().IsSupersetOf(third.Select(w => w.SequenceNumber)), Timeout);
            await Task.Delay(500);
            var afterwards = _delivered.Skip(before).ToList();
            Assert.All(afterwards, d => Assert.Equal(nodeB.SelfAddress.ToString(), d.Node));
            var again = afterwards.Select(d => d.Record.Position.Offset).Except(third.Select(w => w.SequenceNumber)).ToList();
            Assert.Equal(again.Distinct().Count(), again.Count);
            Assert.Subset(readByA, again.ToHashSet());
            Assert.Equal(third.Count, afterwards.Count - again.Count);
            Assert.DoesNotContain(afterwards, d => owners[new ShardKey(Stream, d.Record.Position.Partition)] == nodeB.SelfAddress.ToString()
                && first.Any(w => w.SequenceNumber == d.Record.Position.Offset));

            await b.Control.DrainAndShutdownAsync(b.Completion, Timeout);
        }
        finally
        {
            await other.Terminate();
        }
    }

    /// <summary>The coordinator proxy and the Kinesis source of one node, run into a sink that
    /// records each delivery and reports it done while <paramref name="commit"/> holds.</summary>
    private (IActorRef Coordinator, KinesisControl Control, Task Completion) Start(ActorSystem system, string node, KinesisSettings settings, CommitSwitch commit)
    {
        var coordinator = KinesisCoordinatorSingleton.Start(system, Client, settings);
        var materializer = system.Materializer();
        var (control, source) = KinesisSource.Owned(system, Client, settings, coordinator).PreMaterialize(materializer);
        var delivered = _delivered;
        var completion = source.RunForeach(record =>
        {
            delivered.Enqueue((node, record));
            if (commit.On)
            {
                control.Commit(record.Position);
            }
        }, materializer);
        return (coordinator, control, completion);
    }

    private async Task<Dictionary<ShardKey, string>> AwaitOwnersAsync(IActorRef coordinator, Func<Dictionary<ShardKey, string>, bool> done)
    {
        var deadline = DateTime.UtcNow + Timeout;
        while (true)
        {
            var owners = (await coordinator.Ask<ShardOwners>(GetShardOwners.Instance, Timeout)).Shards
                .ToDictionary(o => o.Shard, o => o.Node);
            if (done(owners))
            {
                return owners;
            }

            Assert.True(DateTime.UtcNow < deadline, $"owners never settled: {string.Join(", ", owners.Select(o => $"{o.Key}={o.Value}"))}");
            await Task.Delay(100);
        }
    }

    private sealed class CommitSwitch
    {
        private volatile bool _on = true;

        public bool On
        {
            get => _on;
            set => _on = value;
        }
    }
}
