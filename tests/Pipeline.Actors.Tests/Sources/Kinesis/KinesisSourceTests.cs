using Akka.Event;
using Pipeline.Actors.Records;
using Pipeline.Actors.Sources.Kinesis;
using Pipeline.Actors.Sources.Kinesis.Client;
using Pipeline.Actors.Sources.Kinesis.Ownership;
using Xunit;
using Xunit.Abstractions;

namespace Pipeline.Actors.Tests.Sources.Kinesis;

[Collection(KinesaliteCollection.Name)]
public sealed class KinesisSourceTests(KinesaliteFixture kinesalite, ITestOutputHelper output)
    : KinesisTestKit(kinesalite.Endpoint, output)
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task Reads_every_shard_with_positions_and_decoded_data()
    {
        var stream = KinesisTestConfig.UniqueStream("geo");
        await CreateStreamAsync(stream, shards: 3);
        var before = DateTimeOffset.UtcNow.AddSeconds(-5);
        var written = await PutAsync(stream, Enumerable.Range(0, 30).Select(i => $$"""{"ind":{{i}},"country":"Ä{{i}}"}"""));

        var (control, completion) = Run(stream);
        var records = ReceiveRecords(30);

        var expected = written.Select((w, i) => (w.ShardId, w.SequenceNumber, Text: $$"""{"ind":{{i}},"country":"Ä{{i}}"}"""));
        var actual = records.Select(r => (ShardId: r.Position.Partition, SequenceNumber: r.Position.Offset, Text: Text(r)));
        Assert.Equal(expected.OrderBy(e => e.SequenceNumber), actual.OrderBy(a => a.SequenceNumber));
        Assert.True(written.Select(w => w.ShardId).Distinct().Count() >= 2, "the partition keys should spread over shards");
        Assert.All(records, r =>
        {
            Assert.Equal(Table.Geo, r.Table);
            Assert.Equal($"kinesis:{stream}", r.Position.Source);
            Assert.InRange(r.Position.ArrivalTime, before, DateTimeOffset.UtcNow.AddSeconds(5));
        });
        foreach (var shard in records.GroupBy(r => r.Position.Partition))
        {
            var offsets = shard.Select(r => r.Position.Offset).ToList();
            Assert.Equal(offsets.Order(Comparer<string>.Create(SourcePosition.CompareOffsets)), offsets);
        }

        ExpectNoMsg(TimeSpan.FromMilliseconds(300));
        await control.DrainAndShutdownAsync(completion, Timeout);
    }

    [Fact]
    public async Task A_restart_resumes_after_the_checkpoint_without_loss_or_redelivery()
    {
        var stream = KinesisTestConfig.UniqueStream("user");
        await CreateStreamAsync(stream, shards: 2);
        var first = await PutAsync(stream, Enumerable.Range(0, 20).Select(i => $"first-{i}"));

        var (control, completion) = Run(stream);
        var read = ReceiveRecords(20);
        // Report done the first half of what each shard delivered; commits are cumulative per shard.
        var committed = read.GroupBy(r => r.Position.Partition)
            .SelectMany(shard => shard.Take(Math.Max(1, shard.Count() / 2)))
            .ToList();
        foreach (var record in committed)
        {
            control.Commit(record.Position);
        }

        var durable = await control.DrainAndShutdownAsync(completion, Timeout);
        var lastCommitted = committed.GroupBy(r => r.Position.Partition).ToDictionary(g => new ShardKey(stream, g.Key), g => g.Last().Position.Offset);
        Assert.Equal(lastCommitted.OrderBy(p => p.Key), durable.OrderBy(p => p.Key));

        var second = await PutAsync(stream, Enumerable.Range(0, 10).Select(i => $"second-{i}"));
        var (restarted, restartedCompletion) = Run(stream);
        var expected = first.Concat(second).Select(w => w.SequenceNumber)
            .Except(committed.Select(r => r.Position.Offset))
            .Order()
            .ToList();
        var resumed = ReceiveRecords(expected.Count);
        Assert.Equal(expected, resumed.Select(r => r.Position.Offset).Order().ToList());
        ExpectNoMsg(TimeSpan.FromMilliseconds(500));
        await restarted.DrainAndShutdownAsync(restartedCompletion, Timeout);
    }

    [Fact]
    public async Task An_expired_iterator_is_renewed_after_the_last_record_read()
    {
        var stream = KinesisTestConfig.UniqueStream();
        await CreateStreamAsync(stream, shards: 1);
        var warnings = CreateTestProbe();
        Sys.EventStream.Subscribe(warnings.Ref, typeof(Warning));
        var before = await PutAsync(stream, ["a-0", "a-1", "a-2"]);

        var (control, completion) = Run(stream);
        Assert.Equal(before.Select(w => w.SequenceNumber), ReceiveRecords(3).Select(r => r.Position.Offset));
        var shard = before[0].ShardId;
        var iterator = await Client.GetShardIteratorAsync(stream, shard, ShardIteratorType.TrimHorizon);

        // Kinesis expires an iterator five minutes after it was issued; move the server's clock past that.
        await kinesalite.AdvanceClockAsync(TimeSpan.FromMinutes(5) + TimeSpan.FromSeconds(1));
        await Assert.ThrowsAsync<KinesisExpiredIteratorException>(() => Client.GetRecordsAsync(iterator, 10));
        warnings.FishForMessage<Warning>(w => w.Message.ToString()!.Contains("expired"), Timeout);

        var after = await PutAsync(stream, ["b-0", "b-1", "b-2"]);
        Assert.Equal(after.Select(w => w.SequenceNumber), ReceiveRecords(3).Select(r => r.Position.Offset));
        ExpectNoMsg(TimeSpan.FromMilliseconds(500));
        await control.DrainAndShutdownAsync(completion, Timeout);
    }

    [Fact]
    public async Task A_split_shard_is_read_to_its_end_before_its_children()
    {
        var stream = KinesisTestConfig.UniqueStream();
        await CreateStreamAsync(stream, shards: 1);
        var parentRecords = await PutAsync(stream, Enumerable.Range(0, 40).Select(i => $"parent-{i}"));
        var parent = parentRecords[0].ShardId;

        // Ten records per GetRecords: the parent takes several polls, during which the split happens.
        var (control, completion) = Run(stream, Settings with { RecordsPerRequest = 10 });
        Assert.IsType<RawRecord>(ReceiveOne(Timeout));
        await Client.SplitShardAsync(stream, parent, newStartingHashKey: (System.Numerics.BigInteger.One << 127).ToString());
        await Client.WaitForActiveAsync(stream, Timeout);
        var childRecords = await PutAsync(stream, Enumerable.Range(0, 20).Select(i => $"child-{i}"));

        var rest = ReceiveRecords(parentRecords.Count - 1 + childRecords.Count);
        var children = childRecords.Select(w => w.ShardId).Distinct().ToList();
        Assert.Equal(2, children.Count);
        Assert.DoesNotContain(parent, children);
        Assert.All(rest.Take(parentRecords.Count - 1), r => Assert.Equal(parent, r.Position.Partition));
        Assert.All(rest.Skip(parentRecords.Count - 1), r => Assert.Contains(r.Position.Partition, children));
        Assert.Equal(
            childRecords.Select(w => w.SequenceNumber).Order(),
            rest.Skip(parentRecords.Count - 1).Select(r => r.Position.Offset).Order());
        // Read to its end, the parent is given back to the coordinator, which does not grant it again.
        AwaitCondition(() => !control.Shards.ContainsKey(new ShardKey(stream, parent)), Timeout);
        ExpectNoMsg(TimeSpan.FromMilliseconds(300));
        await control.DrainAndShutdownAsync(completion, Timeout);
    }

    [Fact]
    public async Task Children_found_at_start_wait_until_their_closed_parent_is_read()
    {
        var stream = KinesisTestConfig.UniqueStream();
        await CreateStreamAsync(stream, shards: 1);
        var parentRecords = await PutAsync(stream, Enumerable.Range(0, 40).Select(i => $"parent-{i}"));
        var parent = parentRecords[0].ShardId;
        await Client.SplitShardAsync(stream, parent, newStartingHashKey: (System.Numerics.BigInteger.One << 127).ToString());
        await Client.WaitForActiveAsync(stream, Timeout);
        var childRecords = await PutAsync(stream, Enumerable.Range(0, 20).Select(i => $"child-{i}"));

        // ListShards returns the closed parent and both children at once; the children must wait.
        var (control, completion) = Run(stream, Settings with { RecordsPerRequest = 10 });
        var records = ReceiveRecords(parentRecords.Count + childRecords.Count);

        Assert.Equal(parentRecords.Select(w => w.SequenceNumber), records.Take(parentRecords.Count).Select(r => r.Position.Offset));
        Assert.Equal(
            childRecords.Select(w => w.SequenceNumber).Order(),
            records.Skip(parentRecords.Count).Select(r => r.Position.Offset).Order());
        ExpectNoMsg(TimeSpan.FromMilliseconds(300));
        await control.DrainAndShutdownAsync(completion, Timeout);
    }
}
