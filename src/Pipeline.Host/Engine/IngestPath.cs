using Akka.Actor;
using Akka.Streams;
using Akka.Streams.Dsl;
using Pipeline.Actors.Cleaning;
using Pipeline.Actors.Records;
using Pipeline.Actors.Sources.Kafka;

namespace Pipeline.Host.Engine;

/// <summary>
/// The running path from the Kafka source through the cleaning stages. Every position is reported
/// done once its element has been cleaned and counted, so the source commits only what was
/// processed.
/// </summary>
public sealed class IngestPath
{
    private IngestPath(KafkaControl kafka, Task completion, CleaningTally tally)
    {
        Kafka = kafka;
        Completion = completion;
        Tally = tally;
    }

    public KafkaControl Kafka { get; }

    /// <summary>Completes when the stream ended: intake stopped and everything in flight was done.</summary>
    public Task Completion { get; }

    public CleaningTally Tally { get; }

    public static IngestPath Start(ActorSystem system, KafkaSettings settings)
    {
        var materializer = system.Materializer();
        var tally = new CleaningTally();
        // Pre-materialised so the committer sink can reach the source's control handle.
        var (control, records) = KafkaSource.Create(settings).PreMaterialize(materializer);
        var completion = records
            .Via(CleaningFlow.Create())
            .Select(outcome =>
            {
                tally.Add(outcome);
                return outcome.Position;
            })
            .RunForeach(control.MarkDone, materializer);
        return new IngestPath(control, completion, tally);
    }
}
