using Akka.Configuration;

namespace Pipeline.Actors.Assembly;

/// <param name="Buckets">How many assembler entities the post indices are spread over (index modulo buckets).</param>
/// <param name="Wait">How long, in arrival time, an incomplete post waits for its missing parts.</param>
/// <param name="MaxPendingPerBucket">Incomplete posts one bucket holds; beyond it the oldest is emitted incomplete.</param>
/// <param name="MaxRememberedPerBucket">Emitted posts one bucket remembers to recognise duplicates and late parts.</param>
/// <param name="IdleFlushAfter">Wall-clock time without records after which a stage emits the pending posts incomplete.</param>
public sealed record AssemblySettings(int Buckets, TimeSpan Wait, int MaxPendingPerBucket, int MaxRememberedPerBucket, TimeSpan IdleFlushAfter)
{
    public static AssemblySettings FromConfig(Config config)
    {
        var section = config.GetConfig("pipeline.live.assembly")
            ?? throw new ConfigurationException("missing pipeline.live.assembly");
        var settings = new AssemblySettings(
            section.GetInt("buckets"),
            section.GetTimeSpan("wait"),
            section.GetInt("max-pending-per-bucket"),
            section.GetInt("max-remembered-per-bucket"),
            section.GetTimeSpan("idle-flush-after"));
        if (settings.Buckets < 1 || settings.MaxPendingPerBucket < 1 || settings.MaxRememberedPerBucket < 1 || settings.Wait < TimeSpan.Zero || settings.IdleFlushAfter <= TimeSpan.Zero)
            throw new ConfigurationException($"invalid pipeline.live.assembly: {settings}");
        return settings;
    }

    public int BucketOf(long ind) => (int)(ind % Buckets);
}
