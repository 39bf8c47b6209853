using System.Collections.Concurrent;
using Akka.Actor;
using Akka.Streams;
using Akka.Streams.Dsl;
using Pipeline.Actors.Cleaning;
using Pipeline.Actors.Emulation;
using Pipeline.Actors.Live;
using Pipeline.Actors.Records;
using Pipeline.Actors.Tests.Live;
using Pipeline.Actors.Tests.Simulations;
using Xunit;

namespace Pipeline.Actors.Tests.Checkpoints;

/// <summary>The crash simulation, on each journal the engine supports.</summary>
[Collection(PostgresCollection.Name)]
public sealed class CrashRecoveryTests(PostgresCollection.Server server) : Akka.TestKit.Xunit2.TestKit
{
    /// <summary>The emulator's users (hundreds of profiles, dirty and broken records) on three
    /// partitions, pin, geo and user, arriving 20 s apart, cleaned as a source's records are.</summary>
    private static List<Cleaned> EmulatedStream()
    {
        var settings = EmulatorSettings.Synthetic(seed: 21, posts: 900) with { Profiles = 300, MalformedRate = 0.01, Start = TestRecords.Start };
        var arrivals = new SteppingClock(TestRecords.Start, TimeSpan.FromSeconds(20));
        return new EmulatedRawRecords(UserPostingEmulator.Posts(settings, arrivals), arrivals).Select(RecordCleaner.Clean).ToList();
    }

    [Theory]
    [InlineData(JournalKind.Sqlite)]
    [InlineData(JournalKind.Postgres)]
    public async Task A_crash_then_a_replay_from_the_committed_positions_ends_in_the_state_of_a_run_without_crash(JournalKind kind)
    {
        using var referenceJournal = await TestJournal.CreateAsync(kind, server.Postgres);
        using var crashJournal = await TestJournal.CreateAsync(kind, server.Postgres);
        var stream = EmulatedStream();
        var records = stream.OfType<CleanedRecord>().Select(cleaned => cleaned.Record).ToList();
        var expected = await RunWithoutCrashAsync(referenceJournal, stream, records);

        var committed = await RunUntilCrashAsync(crashJournal, stream);

        var restarted = ActorSystem.Create("pipeline", LiveTestSystem.Setup(crashJournal, LiveTestSystem.Abrupt));
        try
        {
            var run = new LiveRun(restarted, await LiveTestSystem.StartAsync(restarted));
            await run.RunAsync(stream.Where(element => SourcePosition.CompareOffsets(element.Position.Offset, committed[element.Position.Partition].Offset) > 0));
            Assert.Equal(expected, await LiveStateDump.OfAsync(run, records));
        }
        finally
        {
            await restarted.Terminate();
        }
    }

    /// <summary>The whole queryable state after the stream without a crash; its metrics are first
    /// checked against the plain computation.</summary>
    private static async Task<string> RunWithoutCrashAsync(TestJournal journal, IReadOnlyList<Cleaned> stream, IReadOnlyList<ICleanRecord> records)
    {
        var system = ActorSystem.Create("pipeline", LiveTestSystem.Setup(journal));
        try
        {
            var run = new LiveRun(system, await LiveTestSystem.StartAsync(system));
            await run.RunAsync(stream);
            Assert.Equal(ReferenceMetrics.Compute(records).Select(ReferenceMetrics.Render), (await run.MetricsAsync()).Select(ReferenceMetrics.Render));
            return await LiveStateDump.OfAsync(run, records);
        }
        finally
        {
            await system.Terminate();
        }
    }

    /// <summary>The highest position of each partition among <paramref name="positions"/>.</summary>
    private static Dictionary<string, SourcePosition> Highest(IEnumerable<SourcePosition> positions) => positions
        .GroupBy(position => position.Partition)
        .ToDictionary(partition => partition.Key, partition => partition.MaxBy(position => long.Parse(position.Offset, System.Globalization.CultureInfo.InvariantCulture))!);

    /// <summary>
    /// Applies the first 40% of the input and waits for its checkpoint, then applies the next 30%
    /// without a checkpoint, persists the consumers ahead of the commit, and kills the system.
    /// Returns the positions released for commit, the highest of each partition (the end of the
    /// first part).
    /// </summary>
    private async Task<Dictionary<string, SourcePosition>> RunUntilCrashAsync(TestJournal journal, IReadOnlyList<Cleaned> stream)
    {
        var committedPart = stream.Take(stream.Count * 4 / 10).ToList();
        var appliedPart = stream.Skip(committedPart.Count).Take(stream.Count * 3 / 10).ToList();
        // One checkpoint, exactly at the end of the first part: by record count, never by time.
        var checkpoints = $"""
            pipeline.live.checkpoints.interval = 600s
            pipeline.live.checkpoints.max-updates = {committedPart.Count}
            """;
        var system = ActorSystem.Create("pipeline", LiveTestSystem.Setup(journal, LiveTestSystem.Abrupt + "\n" + checkpoints));
        var run = new LiveRun(system, await LiveTestSystem.StartAsync(system));
        var committed = new ConcurrentQueue<SourcePosition>();
        var input = Source.Queue<Cleaned>(stream.Count, OverflowStrategy.Backpressure)
            .Via(LiveState.Flow(run.Regions, run.Settings, run.Clock))
            .To(Sink.ForEach<SourcePosition>(committed.Enqueue))
            .Run(system.Materializer());

        var checkpoint = Highest(committedPart.Select(element => element.Position));
        foreach (var element in committedPart)
            await input.OfferAsync(element);
        await AwaitConditionAsync(() => Task.FromResult(checkpoint.Values.All(committed.Contains)), TimeSpan.FromSeconds(60));
        foreach (var element in appliedPart)
            await input.OfferAsync(element);
        var applied = appliedPart.OfType<CleanedRecord>().Max(record => record.Position.ArrivalTime);
        await AwaitConditionAsync(() => Task.FromResult(run.Clock.Now == applied), TimeSpan.FromSeconds(30));
        await PersistConsumersAheadOfCommitAsync(run.Regions, appliedPart);
        await system.Terminate();

        Assert.Equal(checkpoint, Highest(committed));
        return checkpoint;
    }

    /// <summary>
    /// Makes profiles, categories and country cohorts durable with changes beyond the committed
    /// positions (as a passivation or a half-done checkpoint would), while the assembler is not:
    /// after the crash it re-emits those changes, which these entities must recognise and ignore.
    /// </summary>
    private static async Task PersistConsumersAheadOfCommitAsync(LiveRegions regions, IEnumerable<Cleaned> stream)
    {
        var pins = stream.OfType<CleanedRecord>().Select(record => record.Record).OfType<CleanPin>().ToList();
        var countries = stream.OfType<CleanedRecord>().Select(record => record.Record).OfType<CleanGeo>().Select(geo => geo.Country).OfType<string>();
        var persisted = pins.Select(pin => pin.PosterName).OfType<string>().Distinct().Select(name => (regions.Profiles, name))
            .Concat(pins.Select(pin => pin.Category).OfType<string>().Distinct().Select(category => (regions.Categories, category)))
            .Concat(countries.Distinct().Select(country => (regions.Cohorts, Pipeline.Actors.Cohorts.CohortKeys.Country(country))))
            .Select(entity => entity.Item1.Ask<Actors.Checkpoints.CheckpointPersisted>(
                new Akka.Cluster.Sharding.ShardingEnvelope(entity.Item2, Actors.Checkpoints.PersistCheckpoint.Instance), TimeSpan.FromSeconds(30)));
        await Task.WhenAll(persisted);
    }
}
