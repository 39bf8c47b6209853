using Akka;
using Akka.Event;
using Akka.Streams.Dsl;
using Pipeline.Actors.Records;

namespace Pipeline.Actors.Lake;

/// <summary>
/// The lake branch of the pipeline: takes every record with what cleaning made of it and emits, for
/// each window once all its objects are durable in the store, the window's last source position,
/// in order per partition, so the caller commits exactly what the lake holds (DESIGN.md,
/// "Positions"). While the store is unavailable the sink retries with back-off and stops pulling,
/// which back-pressures the source; nothing is emitted for a window that was not written.
/// </summary>
public static class LakeSink
{
    /// <param name="cancellationToken">Ends the retries of a store that stays unavailable when the
    /// host shuts down.</param>
    public static Flow<LakeEntry, SourcePosition, NotUsed> Create(
        ILakeStore store, LakeSettings settings, ILoggingAdapter? log = null, CancellationToken cancellationToken = default)
    {
        var durable = store as RetryingLakeStore ?? new RetryingLakeStore(store, settings.MinBackoff, settings.MaxBackoff, log);
        var writer = new LakeWindowWriter(durable, settings.PartitionDate, settings.ObjectParallelism);
        return Flow.FromGraph(new LakeWindowStage(durable, settings.FlushSize, settings.RotateInterval, settings.RotateIdle))
            .SelectAsync(settings.WriteParallelism, window => Task.Run(() => writer.WriteAsync(window, cancellationToken), cancellationToken));
    }
}
