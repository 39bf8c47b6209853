using Akka.Streams;
using Akka.Streams.Dsl;
using Akka.TestKit;
using Confluent.Kafka;
using Confluent.Kafka.Admin;
using Pipeline.Actors.Records;
using Pipeline.Actors.Sources.Kafka;
using Xunit;

namespace Pipeline.Actors.Tests.Sources.Kafka;

public class KafkaSourceTests : Akka.TestKit.Xunit2.TestKit
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);
    private const string Completed = "completed";

    private readonly KafkaTestCluster _kafka = new();

    protected override void AfterAll()
    {
        base.AfterAll();
        _kafka.Dispose();
    }

    [Fact]
    public async Task Delivers_every_record_of_any_prefix_with_its_position()
    {
        _kafka.CreateTopics("0a1b2c", 2);
        _kafka.Cluster.CreateTopic("unrelated", 1);
        var before = DateTimeOffset.UtcNow.AddMilliseconds(-1);
        var produced = new List<ProducedOffset>();
        produced.AddRange(await _kafka.Produce("0a1b2c.pin", 2, 3));
        produced.AddRange(await _kafka.Produce("0a1b2c.geo", 2, 2));
        produced.AddRange(await _kafka.Produce("0a1b2c.user", 2, 1));
        await _kafka.Producer.ProduceAsync("unrelated", KafkaTestCluster.Value("unrelated", 0, 0));
        var after = DateTimeOffset.UtcNow.AddMilliseconds(1);

        var probe = CreateTestProbe();
        var control = Run(_kafka.Settings("consume"), probe);
        var records = probe.ReceiveN(produced.Count, Patience).Cast<RawRecord>().ToList();
        probe.ExpectNoMsg(TimeSpan.FromMilliseconds(500));

        var clusterId = await ClusterId();
        Assert.Equal(clusterId, control.ClusterId);
        Assert.Equal(
            produced.Select(p => (p.Topic, p.Partition, p.Offset)).OrderBy(p => p),
            records.Select(r => (Topic(r), int.Parse(r.Position.Partition), long.Parse(r.Position.Offset))).OrderBy(p => p));
        foreach (var record in records)
        {
            var topic = Topic(record);
            Assert.Equal($"kafka:{clusterId}/{topic}", record.Position.Source);
            Assert.Equal(topic.Split('.')[1], record.Table.Name());
            Assert.InRange(record.Position.ArrivalTime, before, after);
            Assert.Contains($"\"topic\":\"{topic}\",\"partition\":{record.Position.Partition}", System.Text.Encoding.UTF8.GetString(record.Value.Span));
        }

        await control.DrainAndShutdown(TimeSpan.FromSeconds(1));
    }

    [Fact]
    public async Task Pinned_prefixes_limit_the_subscription()
    {
        _kafka.CreateTopics("alice", 1);
        _kafka.CreateTopics("bob", 1);
        await _kafka.Produce("alice.geo", 1, 2);
        await _kafka.Produce("bob.geo", 1, 2);

        var probe = CreateTestProbe();
        var control = Run(_kafka.Settings("pinned", prefixes: ["alice"]), probe);
        var records = probe.ReceiveN(2, Patience).Cast<RawRecord>().ToList();
        probe.ExpectNoMsg(TimeSpan.FromMilliseconds(500));

        Assert.All(records, r => Assert.Equal("alice.geo", Topic(r)));
        await control.DrainAndShutdown(TimeSpan.FromSeconds(1));
    }

    [Fact]
    public async Task Commits_only_past_the_highest_contiguous_done_position()
    {
        _kafka.CreateTopics("c", 1);
        await _kafka.Produce("c.pin", 1, 10);

        var probe = CreateTestProbe();
        var first = Run(_kafka.Settings("commits"), probe);
        var records = probe.ReceiveN(10, Patience).Cast<RawRecord>().ToList();
        foreach (var record in records.Where(r => long.Parse(r.Position.Offset) is <= 5 or 8))
        {
            first.MarkDone(record.Position);
        }

        // 6, 7 and 9 are never reported done: the drain gives up waiting and commits what is done.
        await first.DrainAndShutdown(TimeSpan.FromMilliseconds(500)).WaitAsync(Patience);
        Assert.Equal(6, _kafka.Committed("commits", [("c.pin", 0)])[("c.pin", 0)]);
        probe.ExpectMsg(Completed, Patience);

        var second = Run(_kafka.Settings("commits"), probe);
        var resumed = probe.ReceiveN(4, Patience).Cast<RawRecord>().Select(r => long.Parse(r.Position.Offset));
        Assert.Equal([6L, 7L, 8L, 9L], resumed);
        await second.DrainAndShutdown(TimeSpan.FromMilliseconds(200));
    }

    [Fact]
    public async Task Drain_waits_for_in_flight_records_then_commits_and_closes()
    {
        _kafka.CreateTopics("d", 1);
        await _kafka.Produce("d.user", 1, 5);

        var probe = CreateTestProbe();
        var control = Run(_kafka.Settings("drain"), probe);
        var records = probe.ReceiveN(5, Patience).Cast<RawRecord>().ToList();

        var drained = control.DrainAndShutdown(TimeSpan.FromSeconds(30));
        probe.ExpectMsg(Completed, Patience);
        await Task.Delay(300);
        Assert.False(drained.IsCompleted);
        Assert.Equal(Offset.Unset.Value, _kafka.Committed("drain", [("d.user", 0)])[("d.user", 0)]);

        Source.From(records.Select(r => r.Position)).RunWith(control.Committer, Sys.Materializer());
        await drained.WaitAsync(Patience);
        Assert.Equal(5, _kafka.Committed("drain", [("d.user", 0)])[("d.user", 0)]);
    }

    [Fact]
    public async Task Two_members_split_the_partitions_without_losing_records()
    {
        _kafka.CreateTopics("r", 2);
        var produced = new List<ProducedOffset>();
        foreach (var table in Enum.GetValues<Table>())
        {
            produced.AddRange(await _kafka.Produce(KafkaTopics.Name("r", table), 2, 10));
        }

        var probe = CreateTestProbe();
        var settings = _kafka.Settings("rebalance");
        var a = RunTagged("a", settings, probe);
        await AwaitStatus(a, s => s.Partitions.Count == 6);
        var b = RunTagged("b", settings, probe);
        await AwaitStatus(b, s => s.Partitions.Count > 0);
        var split = await AwaitStatus(a, s => s.Partitions.Count < 6);

        foreach (var table in Enum.GetValues<Table>())
        {
            produced.AddRange(await _kafka.Produce(KafkaTopics.Name("r", table), 2, 10));
        }

        var delivered = new HashSet<(string, int, long)>();
        var by = new Dictionary<string, int> { ["a"] = 0, ["b"] = 0 };
        var expected = produced.Select(p => (p.Topic, p.Partition, p.Offset)).ToHashSet();
        while (!expected.IsSubsetOf(delivered))
        {
            var (member, record) = probe.ExpectMsg<(string, RawRecord)>(Patience);
            delivered.Add((Topic(record), int.Parse(record.Position.Partition), long.Parse(record.Position.Offset)));
            by[member]++;
            (member == "a" ? a : b).MarkDone(record.Position);
        }

        var owners = (await a.StatusAsync()).Partitions.Concat((await b.StatusAsync()).Partitions)
            .Select(p => (p.Topic, p.Partition)).ToList();
        Assert.Equal(6, owners.Distinct().Count());
        Assert.Equal(6, owners.Count);
        Assert.InRange(split.Partitions.Count, 1, 5);
        Assert.True(by["b"] > 0, "the second member delivered nothing");
        await Task.WhenAll(a.DrainAndShutdown(TimeSpan.FromSeconds(2)), b.DrainAndShutdown(TimeSpan.FromSeconds(2)));
    }

    [Fact]
    public async Task Positions_of_a_revoked_partition_are_never_committed()
    {
        _kafka.CreateTopics("v", 2);
        await _kafka.Produce("v.pin", 2, 5);
        await _kafka.Produce("v.geo", 2, 5);

        var probe = CreateTestProbe();
        var settings = _kafka.Settings("revoked");
        var a = RunTagged("a", settings, probe);
        var fromA = new List<RawRecord>();
        while (fromA.Count < 20)
        {
            fromA.Add(probe.ExpectMsg<(string, RawRecord)>(Patience).Item2);
        }

        var b = RunTagged("b", settings, probe);
        var bStatus = await AwaitStatus(b, s => s.Partitions.Count > 0);
        var aStatus = await AwaitStatus(a, s => s.Revocations > 0 && s.Partitions.Count + bStatus.Partitions.Count == 6);

        foreach (var record in fromA)
        {
            a.MarkDone(record.Position);
        }

        // v.user has no records, so only v.pin and v.geo partitions can have commits.
        var kept = aStatus.Partitions.Where(p => p.Topic != "v.user").Select(p => (p.Topic, p.Partition)).ToList();
        var revoked = bStatus.Partitions.Where(p => p.Topic != "v.user").Select(p => (p.Topic, p.Partition)).ToList();
        Assert.NotEmpty(revoked);
        await AwaitStatus(a, s => s.Partitions.Where(p => kept.Contains((p.Topic, p.Partition))).All(p => p.Committed == 5));
        // Give a wrongly sent commit for the revoked partitions time to land before looking.
        await Task.Delay(500);

        var committed = _kafka.Committed("revoked", kept.Concat(revoked));
        Assert.All(kept, p => Assert.Equal(5, committed[p]));
        Assert.All(revoked, p => Assert.Equal(Offset.Unset.Value, committed[p]));
        await Task.WhenAll(a.DrainAndShutdown(TimeSpan.FromSeconds(1)), b.DrainAndShutdown(TimeSpan.FromSeconds(1)));
    }

    [Fact]
    public async Task Back_pressure_pauses_partitions_while_the_member_stays_in_the_group()
    {
        _kafka.CreateTopics("p", 1);
        await _kafka.Produce("p.pin", 1, 120);

        // A member that does not poll for max.poll.interval.ms leaves the group; holding the stream
        // longer than that shows the consumer keeps polling while its partitions are paused.
        var settings = _kafka.Settings("pause", bufferSize: 10,
            consumerProperties: new() { ["max.poll.interval.ms"] = "3000" });
        var (control, queue) = KafkaSource.Create(settings)
            .ToMaterialized(Sink.Queue<RawRecord>(), Keep.Both)
            .Run(Sys.Materializer());

        var first = await queue.PullAsync().WaitAsync(Patience);
        Assert.Equal("0", first.Value!.Position.Offset);
        await Task.Delay(TimeSpan.FromSeconds(4.5));

        var held = await control.StatusAsync();
        Assert.True(held.Paused);
        Assert.Equal(0, held.Revocations);
        Assert.Equal(0, held.Losses);
        Assert.Equal(1, held.Assignments);
        Assert.InRange(held.Partitions.Single(p => p.Topic == "p.pin").InFlight, 10, 60);

        var offsets = new List<long> { 0 };
        while (offsets.Count < 120)
        {
            var next = await queue.PullAsync().WaitAsync(Patience);
            offsets.Add(long.Parse(next.Value!.Position.Offset));
            control.MarkDone(next.Value.Position);
        }

        Assert.Equal(Enumerable.Range(0, 120).Select(i => (long)i), offsets);
        var after = await control.StatusAsync();
        Assert.Equal(0, after.Revocations + after.Losses);
        control.Stop();
        await control.DrainAndShutdown(TimeSpan.FromSeconds(1)).WaitAsync(Patience);
    }

    [Fact]
    public async Task Resumes_after_the_broker_was_down_without_losing_records()
    {
        _kafka.CreateTopics("o", 2);
        var produced = await _kafka.Produce("o.geo", 2, 10);

        var probe = CreateTestProbe();
        // A session longer than the outage: the member is neither evicted nor rebalanced meanwhile.
        var control = Run(_kafka.Settings("outage", consumerProperties: new() { ["session.timeout.ms"] = "10000" }), probe);
        foreach (var record in probe.ReceiveN(20, Patience).Cast<RawRecord>())
        {
            control.MarkDone(record.Position);
        }

        await AwaitStatus(control, s => s.Partitions.Where(p => p.Topic == "o.geo").All(p => p.Committed == 10));

        _kafka.Cluster.SetBrokerDown();
        var duringOutage = _kafka.Produce("o.geo", 2, 10);
        await Task.Delay(TimeSpan.FromSeconds(2));
        Assert.False(duringOutage.IsCompleted);
        _kafka.Cluster.SetBrokerUp();
        produced.AddRange(await duringOutage.WaitAsync(Patience));

        var resumed = probe.ReceiveN(20, Patience).Cast<RawRecord>().ToList();
        Assert.Equal(
            produced.Skip(20).Select(p => (p.Partition, p.Offset)).OrderBy(p => p),
            resumed.Select(r => (int.Parse(r.Position.Partition), long.Parse(r.Position.Offset))).OrderBy(p => p));
        foreach (var record in resumed)
        {
            control.MarkDone(record.Position);
        }

        await control.DrainAndShutdown(TimeSpan.FromSeconds(5)).WaitAsync(Patience);
        var committed = _kafka.Committed("outage", [("o.geo", 0), ("o.geo", 1)]);
        Assert.All(committed.Values, offset => Assert.Equal(20, offset));
        Assert.Equal(0, (await control.StatusAsync()).Losses);
    }

    private KafkaControl Run(KafkaSettings settings, TestProbe probe) =>
        KafkaSource.Create(settings)
            .ToMaterialized(Sink.ActorRef<RawRecord>(probe.Ref, Completed, e => e), Keep.Left)
            .Run(Sys.Materializer());

    private KafkaControl RunTagged(string member, KafkaSettings settings, TestProbe probe) =>
        KafkaSource.Create(settings)
            .Select(record => (member, record))
            .ToMaterialized(Sink.ActorRef<(string, RawRecord)>(probe.Ref, Completed, e => e), Keep.Left)
            .Run(Sys.Materializer());

    private static async Task<KafkaSourceStatus> AwaitStatus(KafkaControl control, Func<KafkaSourceStatus, bool> condition)
    {
        var deadline = DateTime.UtcNow + Patience;
        while (true)
        {
            var status = await control.StatusAsync();
            if (condition(status))
            {
                return status;
            }

            Assert.True(DateTime.UtcNow < deadline, $"status never satisfied the condition: {status}");
            await Task.Delay(50);
        }
    }

    private async Task<string> ClusterId()
    {
        using var admin = new AdminClientBuilder(new AdminClientConfig { BootstrapServers = _kafka.Cluster.BootstrapServers }).Build();
        return (await admin.DescribeClusterAsync(new DescribeClusterOptions { RequestTimeout = Patience })).ClusterId;
    }

    private static string Topic(RawRecord record) => record.Position.Source[(record.Position.Source.IndexOf('/') + 1)..];
}
