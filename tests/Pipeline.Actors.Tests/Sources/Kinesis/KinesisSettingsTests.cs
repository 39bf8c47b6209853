using Akka.Configuration;
using Pipeline.Actors.Sources.Kinesis;
using Xunit;

namespace Pipeline.Actors.Tests.Sources.Kinesis;

public sealed class KinesisSettingsTests
{
    private static readonly Config Defaults = KinesisTestConfig.Hocon("kinesis.conf");

    [Fact]
    public void The_defaults_read_the_regional_endpoint_from_the_start()
    {
        var settings = KinesisSettings.FromConfig(Defaults, _ => null);

        Assert.False(settings.Enabled);
        Assert.Null(settings.Endpoint);
        Assert.Equal(new Uri("https://kinesis.us-east-1.amazonaws.com/"), settings.ServiceEndpoint);
        Assert.Equal("TRIM_HORIZON", settings.InitialPosition);
        Assert.Empty(settings.StreamPrefixes);
        Assert.Null(settings.AccessKeyId);
        Assert.Equal(TimeSpan.FromMilliseconds(200), settings.PollInterval);
        Assert.Equal(1000, settings.RecordsPerRequest);
        Assert.Equal((TimeSpan.FromSeconds(30), TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(30)),
            (settings.ShardRefreshInterval, settings.OwnerReportInterval, settings.HandoffTimeout));
    }

    [Fact]
    public void Environment_variables_override_endpoint_and_region()
    {
        var environment = new Dictionary<string, string?>
        {
            ["PIPELINE_KINESIS_ENDPOINT"] = "http://127.0.0.1:4567",
            ["AWS_REGION"] = "eu-west-1",
        };

        var settings = KinesisSettings.FromConfig(Defaults, name => environment.GetValueOrDefault(name));

        Assert.True(settings.Enabled);
        Assert.Equal(new Uri("http://127.0.0.1:4567"), settings.ServiceEndpoint);
        Assert.Equal("eu-west-1", settings.Region);
        Assert.Equal(new Uri("https://kinesis.eu-west-1.amazonaws.com/"), (settings with { Endpoint = null }).ServiceEndpoint);
    }

    [Fact]
    public void Configured_values_are_read()
    {
        var config = ConfigurationFactory.ParseString("""
            pipeline.kinesis {
              stream-prefixes = [ "0a1b2c3d4e5f" ]
              initial-position = latest
              idle-poll-interval = 3s
              records-per-request = 250
              shard-refresh-interval = 5m
              owner-report-interval = 3s
              handoff-timeout = 0s
            }
            """).WithFallback(Defaults);

        var settings = KinesisSettings.FromConfig(config, _ => null);

        Assert.Equal(["0a1b2c3d4e5f"], settings.StreamPrefixes);
        Assert.Equal("LATEST", settings.InitialPosition);
        Assert.Equal(TimeSpan.FromSeconds(3), settings.IdlePollInterval);
        Assert.Equal(250, settings.RecordsPerRequest);
        Assert.Equal((TimeSpan.FromMinutes(5), TimeSpan.FromSeconds(3), TimeSpan.Zero),
            (settings.ShardRefreshInterval, settings.OwnerReportInterval, settings.HandoffTimeout));
    }

    [Theory]
    [InlineData("pipeline.kinesis.initial-position = AT_TIMESTAMP")]
    [InlineData("pipeline.kinesis.records-per-request = 10001")]
    [InlineData("pipeline.kinesis.shard-refresh-interval = 0s")]
    [InlineData("pipeline.kinesis.owner-report-interval = 0s")]
    public void Invalid_values_are_refused(string hocon)
    {
        var config = ConfigurationFactory.ParseString(hocon).WithFallback(Defaults);

        Assert.Throws<ConfigurationException>(() => KinesisSettings.FromConfig(config, _ => null));
    }
}
