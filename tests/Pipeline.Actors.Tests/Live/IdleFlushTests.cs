using Akka.Streams;
using Akka.Streams.Dsl;
using Pipeline.Actors.Records;
using Xunit;
using static Pipeline.Actors.Tests.Live.TestRecords;

namespace Pipeline.Actors.Tests.Live;

/// <summary>Input that stops (but does not end) with a post still incomplete: after the idle
/// flush time the post counts, as the lake counts it.</summary>
public sealed class IdleFlushTests : LiveTestKit
{
    public IdleFlushTests()
        : base("pipeline.live.assembly.idle-flush-after = 2s")
    {
    }

    [Fact]
    public async Task A_post_left_incomplete_when_input_stops_counts_after_the_idle_flush_time()
    {
        var run = new LiveRun(Sys, await LiveTestSystem.StartAsync(Sys));
        Cleaned[] input =
        [
            TestRecords.Cleaned(Pin(1, "ann", 10, "art"), At(0, TimeSpan.Zero)),
            TestRecords.Cleaned(Geo(1, "Chad", Year(2020)), At(1, TimeSpan.FromSeconds(1))),
            TestRecords.Cleaned(User(1, "Ann A", 30, Year(2016)), At(2, TimeSpan.FromSeconds(2))),
            TestRecords.Cleaned(Pin(2, "ann", 20, "food"), At(3, TimeSpan.FromSeconds(3))),
        ];
        _ = Source.From(input).Concat(Source.Never<Cleaned>())
            .Via(Pipeline.Actors.Live.LiveState.Flow(run.Regions, run.Settings, run.Clock))
            .RunWith(Sink.Ignore<SourcePosition>(), Sys.Materializer());

        await AwaitConditionAsync(async () => (await run.Queries.ProfileAsync("ann"))?.Posts == 2, TimeSpan.FromSeconds(10));
    }
}
