using System.Net;
using System.Text;
using Akka.Streams;
using Akka.Streams.Dsl;
using Pipeline.Actors.Records;
using Xunit;
using Xunit.Abstractions;

namespace Pipeline.Actors.Tests.Sources.Kinesis;

/// <summary>
/// Kinesis allows five GetRecords per shard per second. With every configured wait at zero and a
/// shard that always has records, the reader must still space its calls 200ms apart.
/// </summary>
public sealed class KinesisPollSpacingTests : KinesisTestKit
{
    private const string Stream = "streaming-busy-geo";

    private readonly ScriptedKinesisServer _server;

    public KinesisPollSpacingTests(ITestOutputHelper output)
        : this(new ScriptedKinesisServer(Script), output)
    {
    }

    private KinesisPollSpacingTests(ScriptedKinesisServer server, ITestOutputHelper output)
        : base(server.Endpoint, output, """
            pipeline.kinesis {
              poll-interval = 0ms
              idle-poll-interval = 0ms
            }
            """)
    {
        _server = server;
    }

    [Fact]
    public async Task GetRecords_on_a_shard_are_at_least_200ms_apart()
    {
        var (control, completion) = Run(Stream);

        var records = ReceiveRecords(6);
        Assert.Equal(["1", "2", "3", "4", "5", "6"], records.Select(r => r.Position.Offset));
        Assert.Equal(["record 1", "record 2"], records.Take(2).Select(Text));
        await control.DrainAndShutdownAsync(completion, TimeSpan.FromSeconds(30));

        var calls = _server.Requests.Where(r => r.Operation == "GetRecords").Select(r => r.At).ToList();
        var gaps = calls.Zip(calls.Skip(1), (earlier, later) => later - earlier).ToList();
        Assert.True(gaps.Count >= 5);
        // The server stamps arrival, so network jitter can only shorten a gap by a little.
        Assert.All(gaps, gap => Assert.True(gap >= TimeSpan.FromMilliseconds(180), $"GetRecords {gap.TotalMilliseconds}ms apart"));
    }

    [Fact]
    public async Task A_full_read_ahead_buffer_stops_polling_until_downstream_pulls()
    {
        var (control, queue) = Pipeline.Actors.Sources.Kinesis.KinesisSource.Create(Sys, Client, Settings with { BufferPerShard = 3 }, Stream)
            .ToMaterialized(Sink.Queue<RawRecord>().AddAttributes(Attributes.CreateInputBuffer(1, 1)), Keep.Both)
            .Run(Materializer);

        AwaitCondition(() => _server.Requests.Any(r => r.Operation == "GetRecords"), TimeSpan.FromSeconds(30));
        // Unblocked, the shard would be polled about 15 more times in 3 seconds.
        await Task.Delay(TimeSpan.FromSeconds(3));
        var whileBlocked = _server.Requests.Count(r => r.Operation == "GetRecords");
        Assert.InRange(whileBlocked, 3, 6);

        var pulled = new List<string>();
        for (var i = 0; i < 10; i++)
        {
            pulled.Add((await queue.PullAsync()).Value.Position.Offset);
        }

        Assert.Equal(Enumerable.Range(1, 10).Select(i => i.ToString()), pulled);
        control.Stop();
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
              "SequenceNumberRange":{"StartingSequenceNumber":"0"}}]}
            """),
        "GetShardIterator" => (HttpStatusCode.OK, """{"ShardIterator":"iterator-0"}"""),
        "GetRecords" => (HttpStatusCode.OK, $$"""
            {"Records":[{"SequenceNumber":"{{calledBefore + 1}}","ApproximateArrivalTimestamp":1764000000,
              "Data":"{{Convert.ToBase64String(Encoding.UTF8.GetBytes($"record {calledBefore + 1}"))}}","PartitionKey":"k"}],
             "NextShardIterator":"iterator-{{calledBefore + 1}}","MillisBehindLatest":0}
            """),
        _ => (HttpStatusCode.BadRequest, $$"""{"__type":"UnknownOperationException","message":"{{operation}}"}"""),
    };
}
