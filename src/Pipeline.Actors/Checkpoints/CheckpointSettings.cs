using Akka.Configuration;

namespace Pipeline.Actors.Checkpoints;

/// <param name="Interval">A checkpoint starts at the first batch after this much wall-clock time.</param>
/// <param name="MaxUpdates">... or once this many records were applied since the last one.</param>
/// <param name="BatchSize">Records applied together (one message per entity per batch).</param>
/// <param name="BatchWait">How long a batch waits to fill up.</param>
/// <param name="ApplyTimeout">How long a batch waits for the entities it changes to answer.</param>
/// <param name="PersistTimeout">How long a checkpoint waits for entities to persist.</param>
/// <param name="BucketAttempts">How many times the stage sends a request to an assembler bucket that
/// refused it or did not answer in time before it fails.</param>
public sealed record CheckpointSettings(TimeSpan Interval, int MaxUpdates, int BatchSize, TimeSpan BatchWait, TimeSpan ApplyTimeout, TimeSpan PersistTimeout, int BucketAttempts)
{
    public static CheckpointSettings FromConfig(Config config)
    {
        var section = config.GetConfig("pipeline.live.checkpoints")
            ?? throw new ConfigurationException("missing pipeline.live.checkpoints");
        var settings = new CheckpointSettings(
            section.GetTimeSpan("interval"),
            section.GetInt("max-updates"),
            section.GetInt("batch-size"),
            section.GetTimeSpan("batch-wait"),
            section.GetTimeSpan("apply-timeout"),
            section.GetTimeSpan("persist-timeout"),
            section.GetInt("bucket-attempts"));
        if (settings.Interval <= TimeSpan.Zero || settings.MaxUpdates < 1 || settings.BatchSize < 1 || settings.BatchWait <= TimeSpan.Zero || settings.ApplyTimeout <= TimeSpan.Zero || settings.PersistTimeout <= TimeSpan.Zero || settings.BucketAttempts < 1)
            throw new ConfigurationException($"invalid pipeline.live.checkpoints: {settings}");
        return settings;
    }
}
