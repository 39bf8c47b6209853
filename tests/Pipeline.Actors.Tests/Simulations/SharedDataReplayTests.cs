using Pipeline.Actors.Cleaning;
using Pipeline.Actors.Emulation;
using Pipeline.Actors.Records;
using Pipeline.Actors.Tests.Live;
using Xunit;

namespace Pipeline.Actors.Tests.Simulations;

/// <summary>
/// The real rows of <c>../shared/data</c>, posted in the original emulator's seeded order (posts
/// repeat, most lack a pin, the rows are dirty), through cleaning and live state as
/// <c>pipeline run</c> wires them: the live metrics equal a plain computation over the same records.
/// </summary>
public sealed class SharedDataReplayTests : LiveTestKit
{

    [Fact]
    public async Task The_real_rows_in_the_original_seeded_order_give_the_metrics_of_a_plain_computation()
    {
        var settings = EmulatorSettings.Replay(Emulation.SharedData.Folder, shuffle: true, posts: 1500);
        static TimeProvider Arrivals() => new SteppingClock(TestRecords.Start, TimeSpan.FromSeconds(1));
        var run = new LiveRun(Sys, await LiveTestSystem.StartAsync(Sys));

        var positions = await run.RunAsync(UserPostingEmulator.RawRecords(settings, Arrivals()));

        var raw = new EmulatedRawRecords(UserPostingEmulator.Posts(settings, Arrivals()), Arrivals()).ToList();
        var records = raw.Select(RecordCleaner.Clean).OfType<CleanedRecord>().Select(cleaned => cleaned.Record).ToList();
        Assert.True(records.Select(record => record.Ind).Distinct().Count() > 1000, "too few distinct posts replayed");
        // The end of input commits the last record of each table.
        Assert.Equal(
            raw.GroupBy(record => record.Position.Partition).Select(table => table.Last().Position).OrderBy(position => position.Partition),
            positions.GroupBy(position => position.Partition).Select(table => table.Last()).OrderBy(position => position.Partition));
        var expected = ReferenceMetrics.Compute(records).Select(ReferenceMetrics.Render).ToList();
        Assert.All(expected, table => Assert.Contains('\n', table));
        Assert.Equal(expected, (await run.MetricsAsync()).Select(ReferenceMetrics.Render));
    }
}
