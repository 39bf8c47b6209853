using Akka;
using Akka.Actor;
using Akka.Streams;
using Akka.Streams.Dsl;
using Pipeline.Actors.Cleaning;
using Pipeline.Actors.Lake;
using Pipeline.Actors.Positions;
using Pipeline.Actors.Records;
using Pipeline.Actors.Sources.Kafka;
using Pipeline.Actors.Sources.Kinesis;
using Pipeline.Actors.Sources.Kinesis.Client;
using Pipeline.Actors.Sources.Kinesis.Ownership;
using Pipeline.Host.Configuration;

namespace Pipeline.Host.Engine;

/// <summary>
/// The running path: the sources (Kafka, and the Kinesis shards this node owns when Kinesis is enabled), the
/// cleaning stages, then every consumer that makes the records durable (the lake). A position goes
/// back to its source once every consumer reported it durable (<see cref="CommitGate"/>), so a crash
/// anywhere loses nothing (DESIGN.md, "Positions").
/// </summary>
public sealed class IngestPath
{
    private IngestPath(KafkaControl kafka, KinesisControl? kinesis, Task completion, CleaningTally tally)
    {
        Kafka = kafka;
        Kinesis = kinesis;
        Completion = completion;
        Tally = tally;
    }

    public KafkaControl Kafka { get; }

    /// <summary>The Kinesis source; null when Kinesis is off.</summary>
    public KinesisControl? Kinesis { get; }

    /// <summary>Completes when every source ended and every element in flight was made durable.</summary>
    public Task Completion { get; }

    public CleaningTally Tally { get; }

    /// <param name="kinesisClient">Null when Kinesis is off. Otherwise the shard coordinator (a cluster
    /// singleton) starts here and this node reads the shards it grants.</param>
    /// <param name="consumers">Each makes every element durable and emits, in order per partition,
    /// positions up to which everything is durable.</param>
    public static IngestPath Start(ActorSystem system, KafkaSettings kafka, KinesisClient? kinesisClient, KinesisSettings kinesis,
        IReadOnlyList<Flow<LakeEntry, SourcePosition, NotUsed>> consumers)
    {
        var materializer = system.Materializer();
        var tally = new CleaningTally();
        // The commit step needs the Kafka source's control, known once the graph is materialised and
        // long before the first window is durable. Not pre-materialised: that would put an actor
        // boundary right after the source, which costs most of its throughput.
        var kafkaControl = new TaskCompletionSource<KafkaControl>(TaskCreationOptions.RunContinuationsAsynchronously);
        var records = KafkaSource.Create(kafka).MapMaterializedValue(control =>
        {
            kafkaControl.SetResult(control);
            return NotUsed.Instance;
        });
        KinesisControl? kinesisControl = null;
        if (kinesisClient is not null)
        {
            var coordinator = KinesisCoordinatorSingleton.Start(system, kinesisClient, kinesis, ClusterSettings.Ingest);
            var (control, kinesisRecords) = KinesisSource.Owned(system, kinesisClient, kinesis, coordinator).PreMaterialize(materializer);
            kinesisControl = control;
            records = records.Merge(kinesisRecords);
        }

        var cleaned = records
            .Via(CleaningFlow.KeepingRaw())
            .Select(pair =>
            {
                tally.Add(pair.Cleaned);
                return new LakeEntry(pair.Raw, pair.Cleaned);
            });
        var completion = cleaned
            .Via(Durable(consumers))
            .RunForeach(Commit, materializer);
        return new IngestPath(kafkaControl.Task.Result, kinesisControl, completion, tally);

        void Commit(SourcePosition position)
        {
            if (KinesisControl.IsKinesis(position))
                kinesisControl!.Commit(position);
            else
                kafkaControl.Task.Result.MarkDoneThrough(position);
        }
    }

    /// <summary>Feeds every element to every consumer and emits the positions all of them made durable.</summary>
    private static Flow<LakeEntry, SourcePosition, NotUsed> Durable(IReadOnlyList<Flow<LakeEntry, SourcePosition, NotUsed>> consumers) =>
        Flow.FromGraph(GraphDsl.Create(builder =>
        {
            var fanOut = builder.Add(new Broadcast<LakeEntry>(consumers.Count));
            var fanIn = builder.Add(new Merge<(int, SourcePosition)>(consumers.Count));
            var gate = builder.Add(CommitGate.Flow(consumers.Count));
            for (var i = 0; i < consumers.Count; i++)
            {
                var consumer = i;
                var tagged = builder.Add(consumers[i].Select(position => (consumer, position)));
                builder.From(fanOut.Out(i)).Via(tagged).To(fanIn.In(i));
            }

            builder.From(fanIn.Out).To(gate.Inlet);
            return new FlowShape<LakeEntry, SourcePosition>(fanOut.In, gate.Outlet);
        }));

    /// <summary>Stops intake everywhere, lets what is in flight become durable, commits it and closes the sources.</summary>
    public async Task DrainAndShutdownAsync(TimeSpan timeout)
    {
        Task[] kinesis = Kinesis is null ? [] : [Kinesis.DrainAndShutdownAsync(Completion, timeout)];
        await Task.WhenAll([Kafka.DrainAndShutdown(timeout), .. kinesis]);
        await Completion;
    }
}
