using System.Text;
using Pipeline.Actors.Sources.Kinesis;
using Pipeline.Actors.Sources.Kinesis.Client;
using Xunit;
using Xunit.Abstractions;

namespace Pipeline.Actors.Tests.Sources.Kinesis;

[Collection(KinesaliteCollection.Name)]
public sealed class KinesisClientTests(KinesaliteFixture kinesalite, ITestOutputHelper output)
    : KinesisTestKit(kinesalite.Endpoint, output)
{
    [Fact]
    public async Task PutRecords_writes_a_batch_that_GetRecords_returns_in_order()
    {
        var stream = KinesisTestConfig.UniqueStream();
        await CreateStreamAsync(stream, shards: 1);

        var put = await Client.PutRecordsAsync(stream, Enumerable.Range(0, 5)
            .Select(i => new PutRecordsRequestEntry(Encoding.UTF8.GetBytes($"record-{i}"), $"key-{i}", null))
            .ToList());

        Assert.Equal(0, put.FailedRecordCount);
        var iterator = await Client.GetShardIteratorAsync(stream, put.Records[0].ShardId!, ShardIteratorType.TrimHorizon);
        var read = await Client.GetRecordsAsync(iterator, 100);
        Assert.Equal(put.Records.Select(r => r.SequenceNumber), read.Records.Select(r => r.SequenceNumber));
        Assert.Equal(Enumerable.Range(0, 5).Select(i => $"record-{i}"), read.Records.Select(r => Encoding.UTF8.GetString(r.Data)));
        Assert.NotNull(read.NextShardIterator);
    }

    [Fact]
    public async Task A_missing_stream_is_a_typed_error()
    {
        var missing = KinesisTestConfig.UniqueStream();

        var error = await Assert.ThrowsAsync<KinesisResourceNotFoundException>(() => Client.DescribeStreamSummaryAsync(missing));

        Assert.Equal("ResourceNotFoundException", error.ErrorCode);
        Assert.Contains(missing, error.Message);
    }

    [Fact]
    public async Task Merging_two_shards_closes_both_and_names_them_parents_of_the_new_shard()
    {
        var stream = KinesisTestConfig.UniqueStream();
        await CreateStreamAsync(stream, shards: 2);

        await Client.MergeShardsAsync(stream, "shardId-000000000000", "shardId-000000000001");
        await Client.WaitForActiveAsync(stream, TimeSpan.FromSeconds(10));

        var shards = await Client.ListShardsAsync(stream);
        Assert.Equal(3, shards.Count);
        Assert.True(shards[0].IsClosed && shards[1].IsClosed);
        Assert.Equal(("shardId-000000000000", "shardId-000000000001"), (shards[2].ParentShardId, shards[2].AdjacentParentShardId));
        Assert.False(shards[2].IsClosed);
    }

    [Fact]
    public async Task Without_prefixes_the_streams_of_the_original_clients_are_found_by_name()
    {
        var pin = KinesisTestConfig.UniqueStream("pin");
        var other = $"other-{Guid.NewGuid():N}";
        await CreateStreamAsync(pin, shards: 1);
        await CreateStreamAsync(other, shards: 1);

        var found = await KinesisSource.StreamNamesAsync(Client, Settings);

        Assert.Contains(pin, found);
        Assert.DoesNotContain(other, found);
        Assert.Equal(
            ["streaming-0a1b-pin", "streaming-0a1b-geo", "streaming-0a1b-user"],
            await KinesisSource.StreamNamesAsync(Client, Settings with { StreamPrefixes = ["0a1b"] }));
    }
}
