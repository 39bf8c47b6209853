using Akka.Configuration;
using Pipeline.Actors.Emulation;
using Xunit;

namespace Pipeline.Actors.Tests.Emulation;

public class EmulatorSettingsTests
{
    [Fact]
    public void The_hocon_defaults_are_the_settings_defaults()
    {
        var config = ConfigurationFactory.ParseString(File.ReadAllText(Path.Combine(SharedData.RepositoryRoot, "hocon", "emulator.conf")));

        Assert.Equal(EmulatorSettings.Default, EmulatorSettings.FromConfig(config));
    }

    [Fact]
    public void Keys_override_the_defaults()
    {
        var config = ConfigurationFactory.ParseString("""
            pipeline.emulator {
              mode = replay
              seed = 7
              posts = 500
              malformed-rate = 0.01
              start = "2024-01-01 00:00:00"
              post-interval = 2s
              jitter = 0s
              profiles = 100
              replay-directory = "/data/posts"
              shuffle = true
            }
            """);

        var settings = EmulatorSettings.FromConfig(config);

        Assert.Equal(
            new EmulatorSettings(EmulatorMode.Replay, 7, 500, 0.01, new DateTimeOffset(2024, 1, 1, 0, 0, 0, TimeSpan.Zero),
                TimeSpan.FromSeconds(2), TimeSpan.Zero, 100, "/data/posts", true),
            settings);
    }

    [Fact]
    public void A_missing_section_gives_the_defaults()
    {
        Assert.Equal(EmulatorSettings.Default, EmulatorSettings.FromConfig(ConfigurationFactory.ParseString("other.key = 1")));
    }

    [Theory]
    [InlineData("mode = sideways")]
    [InlineData("malformed-rate = 1.5")]
    [InlineData("profiles = 0")]
    [InlineData("mode = replay")]
    public void Impossible_values_are_refused(string line)
    {
        var config = ConfigurationFactory.ParseString("pipeline.emulator { " + line + " }");

        Assert.ThrowsAny<ArgumentException>(() => EmulatorSettings.FromConfig(config));
    }
}
