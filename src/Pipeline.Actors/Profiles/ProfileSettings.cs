using Akka.Configuration;

namespace Pipeline.Actors.Profiles;

/// <param name="PopularityHalfLife">How long until a post counts half in the popularity score.</param>
public sealed record ProfileSettings(TimeSpan PopularityHalfLife)
{
    public static ProfileSettings FromConfig(Config config)
    {
        var halfLife = config.GetTimeSpan("pipeline.live.profiles.popularity-half-life", null, allowInfinite: false);
        if (halfLife <= TimeSpan.Zero)
            throw new ConfigurationException("pipeline.live.profiles.popularity-half-life must be positive");
        return new ProfileSettings(halfLife);
    }
}
