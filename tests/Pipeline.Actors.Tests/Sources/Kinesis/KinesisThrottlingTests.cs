using System.Net;
using Pipeline.Actors.Sources.Kinesis.Client;
using Xunit;
using Xunit.Abstractions;

namespace Pipeline.Actors.Tests.Sources.Kinesis;

/// <summary>
/// Throttling, which kinesalite never does: the real client and source against a scripted server
/// that refuses the first GetRecords with ProvisionedThroughputExceededException.
/// </summary>
public sealed class KinesisThrottlingTests : KinesisTestKit
{
    private const string Stream = "streaming-throttled-pin";
    private const int ThrottledCalls = 4;
    private static readonly TimeSpan ThrottleBackoff = TimeSpan.FromMilliseconds(300);

    private readonly ScriptedKinesisServer _server;

    public KinesisThrottlingTests(ITestOutputHelper output)
        : this(new ScriptedKinesisServer(Script), output)
    {
    }

    private KinesisThrottlingTests(ScriptedKinesisServer server, ITestOutputHelper output)
        : base(server.Endpoint, output, """
            pipeline.kinesis {
              max-error-retry = 1
              throttle-backoff = 300ms
              max-retry-backoff = 600ms
            }
            """)
    {
        _server = server;
    }

    [Fact]
    public async Task Throttled_reads_back_off_and_then_deliver()
    {
        var (control, completion) = Run(Stream);

        var records = ReceiveRecords(2);
        Assert.Equal(["first", "second"], records.Select(Text));
        Assert.Equal(["1001", "1002"], records.Select(r => r.Position.Offset));
        Assert.Equal(DateTimeOffset.FromUnixTimeMilliseconds(1764000000500), records[0].Position.ArrivalTime);

        var getRecords = _server.Requests.Where(r => r.Operation == "GetRecords").ToList();
        Assert.True(getRecords.Count > ThrottledCalls);
        // The client retries once (max-error-retry = 1) and then the reader waits at least
        // throttle-backoff before its next attempt: calls 2->3 and 4->5 are reader back-offs.
        Assert.True(getRecords[2].At - getRecords[1].At >= ThrottleBackoff - TimeSpan.FromMilliseconds(20),
            $"second back-off lasted {getRecords[2].At - getRecords[1].At}");
        Assert.True(getRecords[4].At - getRecords[3].At >= ThrottleBackoff - TimeSpan.FromMilliseconds(20),
            $"third back-off lasted {getRecords[4].At - getRecords[3].At}");
        Assert.All(_server.Requests, r => Assert.StartsWith("AWS4-HMAC-SHA256 Credential=test/", r.Authorization));
        Assert.All(_server.Requests, r => Assert.Contains("/us-east-1/kinesis/aws4_request", r.Authorization));

        await control.DrainAndShutdownAsync(completion, TimeSpan.FromSeconds(10));
    }

    [Fact]
    public async Task The_client_raises_a_typed_exception_when_its_retries_are_used_up()
    {
        var iterator = await Client.GetShardIteratorAsync(Stream, "shardId-000000000000", ShardIteratorType.TrimHorizon);

        var error = await Assert.ThrowsAsync<KinesisThroughputExceededException>(() => Client.GetRecordsAsync(iterator, 10));

        Assert.Equal(HttpStatusCode.BadRequest, error.StatusCode);
        Assert.Equal(2, _server.Requests.Count(r => r.Operation == "GetRecords"));
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        _server.Dispose();
    }

    private static (HttpStatusCode, string) Script(string operation, int calledBefore) => operation switch
    {
        "ListShards" => (HttpStatusCode.OK, """
            {"Shards":[{"ShardId":"shardId-000000000000",
              "HashKeyRange":{"StartingHashKey":"0","EndingHashKey":"340282366920938463463374607431768211455"},
              "SequenceNumberRange":{"StartingSequenceNumber":"1000"}}]}
            """),
        "GetShardIterator" => (HttpStatusCode.OK, """{"ShardIterator":"iterator-0"}"""),
        "GetRecords" when calledBefore < ThrottledCalls => (HttpStatusCode.BadRequest, """
            {"__type":"ProvisionedThroughputExceededException","message":"Rate exceeded for shard shardId-000000000000"}
            """),
        "GetRecords" when calledBefore == ThrottledCalls => (HttpStatusCode.OK, """
            {"Records":[
              {"SequenceNumber":"1001","ApproximateArrivalTimestamp":1764000000.5,"Data":"Zmlyc3Q=","PartitionKey":"a"},
              {"SequenceNumber":"1002","ApproximateArrivalTimestamp":1764000001.25,"Data":"c2Vjb25k","PartitionKey":"b"}],
             "NextShardIterator":"iterator-1","MillisBehindLatest":0}
            """),
        "GetRecords" => (HttpStatusCode.OK, """{"Records":[],"NextShardIterator":"iterator-2","MillisBehindLatest":0}"""),
        _ => (HttpStatusCode.BadRequest, $$"""{"__type":"UnknownOperationException","message":"{{operation}}"}"""),
    };
}
