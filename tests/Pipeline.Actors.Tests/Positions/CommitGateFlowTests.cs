using Akka.Streams;
using Akka.Streams.Dsl;
using Pipeline.Actors.Positions;
using Pipeline.Actors.Records;
using Xunit;

namespace Pipeline.Actors.Tests.Positions;

public class CommitGateFlowTests : Akka.TestKit.Xunit2.TestKit
{
    [Fact]
    public async Task Emits_each_position_once_all_consumers_made_it_durable()
    {
        static SourcePosition At(string offset) => new("kinesis:streaming-u-geo", "shardId-000000000000", offset, DateTimeOffset.UnixEpoch);
        var reports = new (int, SourcePosition)[] { (0, At("100")), (1, At("50")), (1, At("120")), (0, At("130")), (1, At("130")) };

        var committed = await Source.From(reports).Via(CommitGate.Flow(2)).RunWith(Sink.Seq<SourcePosition>(), Sys.Materializer());

        Assert.Equal(["50", "100", "120", "130"], committed.Select(p => p.Offset));
    }
}
