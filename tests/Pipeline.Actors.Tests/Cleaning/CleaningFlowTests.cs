using Akka.Actor;
using Akka.Streams;
using Akka.Streams.Dsl;
using Pipeline.Actors.Cleaning;
using Pipeline.Actors.Records;
using Xunit;

namespace Pipeline.Actors.Tests.Cleaning;

public sealed class CleaningFlowTests : Akka.TestKit.Xunit2.TestKit
{
    private const string Completed = "completed";

    [Fact]
    public void Cleans_a_stream_in_order_and_a_quarantined_record_does_not_stop_it()
    {
        var raws = new[]
        {
            SharedData.Raw(Table.Geo, "{\"ind\": 0, \"timestamp\": \"2019-01-01 07:21:13\", \"latitude\": -88.8298, \"longitude\": -170.188, \"country\": \"Albania\"}", "10"),
            SharedData.Raw(Table.Geo, "{\"ind\": 1, \"timestamp\": ", "11"),
            SharedData.Raw(Table.Geo, "[\"not\", \"an\", \"object\"]", "12"),
            SharedData.Raw(Table.Geo, "{\"ind\": 2, \"timestamp\": \"2022-03-14 04:34:13\", \"latitude\": 17.5632, \"longitude\": 112.276, \"country\": \"Gambia\"}", "13"),
        };
        var probe = CreateTestProbe();

        Source.From(raws)
            .Via(CleaningFlow.Create())
            .RunWith(Sink.ActorRef<Cleaned>(probe.Ref, Completed, failure => new Status.Failure(failure)), Sys.Materializer());

        var first = Assert.IsType<CleanedRecord>(probe.ExpectMsg<Cleaned>());
        Assert.Equal("10", first.Position.Offset);
        Assert.Equal(new CleanGeo(0, "Albania", new Coordinates(-88.8298, -170.188), new DateTimeOffset(2019, 1, 1, 7, 21, 13, TimeSpan.Zero)), first.Record);
        var malformed = Assert.IsType<QuarantinedRecord>(probe.ExpectMsg<Cleaned>());
        Assert.Equal((QuarantineReason.MalformedJson, "11"), (malformed.Reason, malformed.Position.Offset));
        var notAnObject = Assert.IsType<QuarantinedRecord>(probe.ExpectMsg<Cleaned>());
        Assert.Equal((QuarantineReason.NotAnObject, "12"), (notAnObject.Reason, notAnObject.Position.Offset));
        var last = Assert.IsType<CleanedRecord>(probe.ExpectMsg<Cleaned>());
        Assert.Equal((2L, "13"), (last.Record.Ind, last.Position.Offset));
        probe.ExpectMsg(Completed);
    }

    [Fact]
    public void Cleans_every_real_geo_row_through_the_stage_into_a_tally()
    {
        var raws = SharedData.RawRecords("geo.jsonl", Table.Geo).ToList();
        var tally = new CleaningTally();
        var probe = CreateTestProbe();

        Source.From(raws)
            .Via(CleaningFlow.Create())
            .Select(outcome =>
            {
                tally.Add(outcome);
                return outcome;
            })
            .RunWith(Sink.ActorRef<Cleaned>(probe.Ref, Completed, failure => new Status.Failure(failure)), Sys.Materializer());

        var offsets = probe.ReceiveN(raws.Count, TimeSpan.FromSeconds(30)).Select(message => ((Cleaned)message).Position.Offset).ToList();
        probe.ExpectMsg(Completed);

        Assert.Equal(raws.Select(raw => raw.Position.Offset), offsets);
        Assert.Equal(raws.Count, tally.CleanCount(Table.Geo));
        Assert.Equal([$"geo clean {raws.Count}"], tally.Lines().Select(line => line.ToString()));
    }
}
