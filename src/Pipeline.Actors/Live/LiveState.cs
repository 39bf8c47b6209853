using Akka;
using Akka.Configuration;
using Akka.Persistence.Sql;
using Akka.Streams;
using Akka.Streams.Dsl;
using Pipeline.Actors.Records;
using Pipeline.Actors.Serialization;

namespace Pipeline.Actors.Live;

/// <summary>
/// Live state as one Akka.Streams stage, plugged in after cleaning:
/// <c>source.Via(cleaning).Via(LiveState.Flow(regions, settings, clock)).To(commitSink)</c>.
/// <para>In: every cleaned element (quarantined ones too, so their positions can be committed). Out:
/// source positions that are durable and may be committed, at most one per source partition per
/// checkpoint (the highest one the checkpoint covers), emitted only after every entity touched
/// since the previous checkpoint has persisted its state (batches go on meanwhile; the positions
/// come out as soon as it is done). Nothing else is emitted.</para>
/// <para>Records are applied in batches (<c>pipeline.live.checkpoints.batch-size</c> /
/// <c>batch-wait</c>); a checkpoint runs every <c>interval</c> of the actor system scheduler's time
/// (the wall clock, or a test's virtual time) or <c>max-updates</c> records, also while input is
/// idle, and once more when input completes, after the posts still pending in the assembler were
/// emitted incomplete; pending posts are also emitted once input has been idle for
/// <c>pipeline.live.assembly.idle-flush-after</c>. The stage fails (and the source should restart
/// from its committed positions) when an assembler bucket does not answer within the apply or persist
/// timeout <c>bucket-attempts</c> times; the replayed records are then
/// ignored where already applied.</para>
/// </summary>
public static class LiveState
{
    /// <summary>The engine's serializer bindings (hocon/serialization.conf) over the reference
    /// configuration of the plugins live state relies on (Akka.Persistence.Sql is not loaded
    /// automatically): use it as the last fallback under the hocon files.</summary>
    public static Config DefaultConfig => SerializationDefaults.Config.WithFallback(SqlPersistence.DefaultConfiguration);

    public static Flow<Cleaned, SourcePosition, NotUsed> Flow(LiveRegions regions, LiveStateSettings settings, ArrivalClock clock) =>
        Akka.Streams.Dsl.Flow.Setup<Cleaned, SourcePosition, NotUsed>((materializer, _) =>
        {
            // Each materialization gets its own stage state; SelectAsync(1) keeps it single-threaded.
            // The checkpoint interval is timed on the actor system's scheduler, like the keep-alive
            // and batch-wait timers below, so a test scheduler drives all three.
            // A checkpoint that completes between batches wakes the stage with an idle element,
            // so its positions need not wait for the next record; wake-ups end with the input.
            var (wakeUps, wakeUpSource) = Source.Queue<LiveInput>(1, OverflowStrategy.DropNew).PreMaterialize(materializer);
            // (After the input ended the offer fails; reading its exception marks it observed.)
            void WakeUp() => wakeUps.OfferAsync(LiveInput.Idle.Instance).ContinueWith(static offer => offer.Exception, TaskContinuationOptions.OnlyOnFaulted);
            var stage = new LiveStateStage(regions, settings, clock, materializer.System.Scheduler, WakeUp);
            return Akka.Streams.Dsl.Flow.Create<Cleaned>()
                .Select(LiveInput (cleaned) => new LiveInput.Element(cleaned))
                .Merge(wakeUpSource, eagerComplete: true)
                .Concat(Source.Single<LiveInput>(LiveInput.End.Instance))
                .KeepAlive<Cleaned, LiveInput, LiveInput, NotUsed>(settings.Checkpoints.Interval, () => LiveInput.Idle.Instance)
                .GroupedWithin(settings.Checkpoints.BatchSize, settings.Checkpoints.BatchWait)
                .SelectAsync(1, batch => stage.ProcessAsync(batch.ToList()))
                .SelectMany(positions => positions);
        }).MapMaterializedValue(_ => NotUsed.Instance);
}
