using System.Collections.Concurrent;
using Akka.Actor;
using Akka.Streams;
using Akka.Streams.Dsl;
using Pipeline.Actors.Live;
using Pipeline.Actors.Records;
using Pipeline.Actors.Tests.Live;
using Xunit;

namespace Pipeline.Actors.Tests.Checkpoints;

/// <summary>The crash simulation, on each journal the engine supports.</summary>
[Collection(PostgresCollection.Name)]
public sealed class CrashRecoveryTests(PostgresCollection.Server server) : Akka.TestKit.Xunit2.TestKit
{
    [Theory]
    [InlineData(JournalKind.Sqlite)]
    [InlineData(JournalKind.Postgres)]
    public async Task A_crash_then_a_replay_from_the_committed_positions_ends_in_the_state_of_a_run_without_crash(JournalKind kind)
    {
        using var referenceJournal = await TestJournal.CreateAsync(kind, server.Postgres);
        using var crashJournal = await TestJournal.CreateAsync(kind, server.Postgres);
        var stream = SyntheticPosts.Stream(SyntheticPosts.Records(300, seed: 21), seed: 21);
        var expected = await RunWithoutCrashAsync(referenceJournal, stream);

        var committed = await RunUntilCrashAsync(crashJournal, stream);

        var restarted = ActorSystem.Create("pipeline", LiveTestSystem.Setup(crashJournal, LiveTestSystem.Abrupt));
        try
        {
            var run = new LiveRun(restarted, await LiveTestSystem.StartAsync(restarted));
            await run.RunAsync(stream.Where(element => SourcePosition.CompareOffsets(element.Position.Offset, committed.Offset) > 0));
            Assert.Equal(expected, await LiveStateFlowTests.StateAsync(run));
        }
        finally
        {
            await restarted.Terminate();
        }
    }

    private static async Task<string> RunWithoutCrashAsync(TestJournal journal, IReadOnlyList<Cleaned> stream)
    {
        var system = ActorSystem.Create("pipeline", LiveTestSystem.Setup(journal));
        try
        {
            var run = new LiveRun(system, await LiveTestSystem.StartAsync(system));
            await run.RunAsync(stream);
            return await LiveStateFlowTests.StateAsync(run);
        }
        finally
        {
            await system.Terminate();
        }
    }

    /// <summary>
    /// Applies the first 40% of the input and waits for its checkpoint, then applies the next 30%
    /// without a checkpoint, persists the consumers ahead of the commit, and kills the system.
    /// Returns the last position released for commit (the end of the first part).
    /// </summary>
    private async Task<SourcePosition> RunUntilCrashAsync(TestJournal journal, IReadOnlyList<Cleaned> stream)
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

        foreach (var element in committedPart)
            await input.OfferAsync(element);
        await AwaitConditionAsync(() => Task.FromResult(committed.LastOrDefault() == committedPart[^1].Position), TimeSpan.FromSeconds(60));
        foreach (var element in appliedPart)
            await input.OfferAsync(element);
        await AwaitConditionAsync(() => Task.FromResult(run.Clock.Now == appliedPart[^1].Position.ArrivalTime), TimeSpan.FromSeconds(30));
        await PersistConsumersAheadOfCommitAsync(run.Regions, appliedPart);
        await system.Terminate();

        Assert.Equal(committedPart[^1].Position, committed.Last());
        return committed.Last();
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
