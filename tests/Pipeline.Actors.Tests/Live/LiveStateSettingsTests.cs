using Akka.Configuration;
using Pipeline.Actors.Live;
using Xunit;

namespace Pipeline.Actors.Tests.Live;

public class LiveStateSettingsTests
{
    [Fact]
    public void The_hocon_defaults_are_read_into_the_settings()
    {
        var settings = LiveStateSettings.FromConfig(LiveTestSystem.Config(":memory:", "pipeline.live.shards = 100\npipeline.live.assembly.buckets = 64\npipeline.live.checkpoints.interval = 5s\npipeline.live.checkpoints.batch-size = 2000"));

        Assert.Equal((100, 64, TimeSpan.FromSeconds(60)), (settings.Shards, settings.Assembly.Buckets, settings.Assembly.Wait));
        Assert.Equal((TimeSpan.FromSeconds(5), 50_000, 2000), (settings.Checkpoints.Interval, settings.Checkpoints.MaxUpdates, settings.Checkpoints.BatchSize));
        Assert.Equal(TimeSpan.FromHours(24), settings.Profiles.PopularityHalfLife);
        Assert.Equal(TimeSpan.FromSeconds(5), settings.AskTimeout);
    }

    [Fact]
    public void An_invalid_value_is_rejected()
    {
        var config = LiveTestSystem.Config(":memory:", "pipeline.live.assembly.buckets = 0");

        Assert.Throws<ConfigurationException>(() => LiveStateSettings.FromConfig(config));
    }
}
