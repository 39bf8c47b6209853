using Akka.Configuration;
using Pipeline.Actors.Assembly;
using Pipeline.Actors.Checkpoints;
using Pipeline.Actors.Profiles;

namespace Pipeline.Actors.Live;

/// <summary>Everything under <c>pipeline.live</c> (hocon/live.conf documents each key).</summary>
/// <param name="Shards">Shards per entity type (fixed: changing it moves entities).</param>
/// <param name="PassivateAfter">Idle time after which profile, category, cohort and board entities passivate.</param>
/// <param name="AskTimeout">How long a query waits for an entity's answer.</param>
/// <param name="MaxTop">The largest top-K a leaderboard query may ask for.</param>
public sealed record LiveStateSettings(
    AssemblySettings Assembly,
    ProfileSettings Profiles,
    CheckpointSettings Checkpoints,
    int Shards,
    TimeSpan PassivateAfter,
    TimeSpan AskTimeout,
    int MaxTop)
{
    public static LiveStateSettings FromConfig(Config config)
    {
        var section = config.GetConfig("pipeline.live") ?? throw new ConfigurationException("missing pipeline.live");
        var settings = new LiveStateSettings(
            AssemblySettings.FromConfig(config),
            ProfileSettings.FromConfig(config),
            CheckpointSettings.FromConfig(config),
            section.GetInt("shards"),
            section.GetTimeSpan("passivate-after"),
            section.GetTimeSpan("ask-timeout"),
            section.GetInt("max-top"));
        if (settings.Shards < 1 || settings.AskTimeout <= TimeSpan.Zero || settings.MaxTop < 1 || settings.PassivateAfter <= TimeSpan.Zero)
            throw new ConfigurationException($"invalid pipeline.live: {settings}");
        return settings;
    }
}
