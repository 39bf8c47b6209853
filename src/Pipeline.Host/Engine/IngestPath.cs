using Akka;
using Akka.Actor;
using Akka.Streams;
using Akka.Streams.Dsl;
using Pipeline.Actors.Cleaning;
using Pipeline.Actors.Records;
using Pipeline.Actors.Sources.Kafka;
using Pipeline.Actors.Sources.Kinesis;
using Pipeline.Actors.Sources.Kinesis.Client;

namespace Pipeline.Host.Engine;

/// <summary>
/// The running path from the sources (Kafka, and the Kinesis streams when Kinesis is enabled)
/// through the cleaning stages. Each position goes back to the source it came from once its element
/// has been cleaned and counted, so sources commit only what was processed.
/// </summary>
public sealed class IngestPath
{
    private IngestPath(KafkaControl kafka, IReadOnlyList<KinesisControl> kinesis, Task completion, CleaningTally tally)
    {
        Kafka = kafka;
        Kinesis = kinesis;
        Completion = completion;
        Tally = tally;
    }

    public KafkaControl Kafka { get; }

    public IReadOnlyList<KinesisControl> Kinesis { get; }

    /// <summary>Completes when every source ended and every element in flight was processed.</summary>
    public Task Completion { get; }

    public CleaningTally Tally { get; }

    /// <param name="streams">The Kinesis streams to read, with their client; empty when Kinesis is off.</param>
    public static IngestPath Start(ActorSystem system, KafkaSettings kafka, KinesisClient? kinesisClient, KinesisSettings kinesis, IReadOnlyList<string> streams)
    {
        var materializer = system.Materializer();
        var tally = new CleaningTally();
        // Pre-materialised so the commit step can reach each source's control handle.
        var (kafkaControl, records) = KafkaSource.Create(kafka).PreMaterialize(materializer);
        var kinesisControls = new List<KinesisControl>();
        foreach (var stream in streams)
        {
            var (control, streamRecords) = KinesisSource.Create(system, kinesisClient!, kinesis, stream).PreMaterialize(materializer);
            kinesisControls.Add(control);
            records = records.Merge(streamRecords);
        }

        var kinesisBySource = kinesisControls.ToDictionary(k => k.SourceName, StringComparer.Ordinal);
        var completion = records
            .Via(CleaningFlow.Create())
            .Select(outcome =>
            {
                tally.Add(outcome);
                return outcome.Position;
            })
            .RunForeach(Commit, materializer);
        return new IngestPath(kafkaControl, kinesisControls, completion, tally);

        void Commit(SourcePosition position)
        {
            if (kinesisBySource.TryGetValue(position.Source, out var stream))
                stream.Commit(position);
            else
                kafkaControl.MarkDone(position);
        }
    }

    /// <summary>Stops intake everywhere, lets what is in flight finish, commits it and closes the sources.</summary>
    public async Task DrainAndShutdownAsync(TimeSpan timeout)
    {
        var kinesis = Kinesis.Select(k => k.DrainAndShutdownAsync(Completion, timeout));
        await Task.WhenAll([Kafka.DrainAndShutdown(timeout), .. kinesis]);
        await Completion;
    }
}
