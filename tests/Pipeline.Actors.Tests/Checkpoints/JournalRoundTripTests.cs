using Akka.Actor;
using Pipeline.Actors.Tests.Live;
using Xunit;

namespace Pipeline.Actors.Tests.Checkpoints;

/// <summary>What the entities save at a checkpoint is what a new actor system finds in the journal,
/// on each journal the engine supports.</summary>
[Collection(PostgresCollection.Name)]
public sealed class JournalRoundTripTests(PostgresCollection.Server server)
{
    [Theory]
    [InlineData(JournalKind.Sqlite)]
    [InlineData(JournalKind.Postgres)]
    public async Task Entities_saved_at_checkpoints_come_back_in_a_new_actor_system(JournalKind kind)
    {
        using var journal = await TestJournal.CreateAsync(kind, server.Postgres);
        var records = SyntheticPosts.Records(200, seed: 13);
        var stream = SyntheticPosts.Stream(records, seed: 13);
        var expectedMetrics = ReferenceMetrics.Compute(records).Select(ReferenceMetrics.Render).ToList();

        string saved;
        DateTimeOffset lastArrival;
        // Stopped abruptly: only what the checkpoints wrote survives, nothing saved on the way out.
        var first = ActorSystem.Create("pipeline", LiveTestSystem.Setup(journal, LiveTestSystem.Abrupt));
        try
        {
            var run = new LiveRun(first, await LiveTestSystem.StartAsync(first));
            var released = await run.RunAsync(stream);
            Assert.Equal(stream[^1].Position, released[^1]);
            saved = await LiveStateFlowTests.StateAsync(run);
            lastArrival = run.Clock.Now;
        }
        finally
        {
            await first.Terminate();
        }

        Assert.True(await journal.SnapshotRowsAsync() > 0, "no snapshot rows in the journal database");
        var second = ActorSystem.Create("pipeline", LiveTestSystem.Setup(journal));
        try
        {
            var run = new LiveRun(second, await LiveTestSystem.StartAsync(second));
            // Windows and popularity are read at the latest arrival, which the journal does not hold.
            run.Clock.Advance(lastArrival);
            Assert.Equal(saved, await LiveStateFlowTests.StateAsync(run));
            Assert.Equal(expectedMetrics, (await run.MetricsAsync()).Select(ReferenceMetrics.Render));
        }
        finally
        {
            await second.Terminate();
        }
    }
}
