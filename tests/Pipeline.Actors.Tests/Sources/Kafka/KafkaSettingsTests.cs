using Akka.Configuration;
using Pipeline.Actors.Records;
using Pipeline.Actors.Sources.Kafka;
using Xunit;

namespace Pipeline.Actors.Tests.Sources.Kafka;

public class KafkaSettingsTests
{
    private static readonly Func<string, string?> NoEnvironment = _ => null;

    [Fact]
    public void Shipped_defaults_mean_embedded_broker_any_prefix_dynamic_membership()
    {
        var settings = KafkaSettings.FromConfig(ShippedConfig(), NoEnvironment);

        Assert.Null(settings.BootstrapServers);
        Assert.Equal("pipeline", settings.GroupId);
        Assert.Empty(settings.TopicPrefixes);
        Assert.Null(settings.InstanceId);
        Assert.Equal(10_000, settings.BufferSize);
        Assert.Equal(TimeSpan.FromSeconds(1), settings.CommitInterval);
        Assert.Equal(5_000, settings.CommitBatchSize);
        Assert.Equal(TimeSpan.FromSeconds(30), settings.DrainTimeout);
        Assert.Equal(TimeSpan.FromSeconds(10), settings.TopicRefreshInterval);
        Assert.Equal(3, settings.EmbeddedPartitions);
        Assert.Empty(settings.ConsumerProperties);
    }

    [Fact]
    public void Environment_overrides_endpoint_and_instance_id()
    {
        var environment = new Dictionary<string, string>
        {
            ["PIPELINE_KAFKA_BOOTSTRAP"] = "broker:9092",
            ["PIPELINE_KAFKA_INSTANCE_ID"] = "explicit",
            ["POD_NAME"] = "pipeline-0",
        };
        var config = Config("bootstrap-servers = \"file:9092\"\ninstance-id = from-file");

        var settings = KafkaSettings.FromConfig(config, environment.GetValueOrDefault);

        Assert.Equal("broker:9092", settings.BootstrapServers);
        Assert.Equal("explicit", settings.InstanceId);
    }

    [Fact]
    public void Pod_name_is_the_instance_id_when_nothing_else_sets_one()
    {
        var settings = KafkaSettings.FromConfig(ShippedConfig(), name => name == "POD_NAME" ? "pipeline-2" : null);
        Assert.Equal("pipeline-2", settings.InstanceId);
    }

    [Fact]
    public void Reads_prefixes_and_dotted_librdkafka_properties()
    {
        var config = Config("""
            topic-prefixes = ["0a1b2c", "ffee"]
            consumer-properties { "security.protocol" = SASL_SSL, fetch.min.bytes = 1 }
            """);

        var settings = KafkaSettings.FromConfig(config, NoEnvironment);

        Assert.Equal(["0a1b2c", "ffee"], settings.TopicPrefixes);
        Assert.Equal("SASL_SSL", settings.ConsumerProperties["security.protocol"]);
        Assert.Equal("1", settings.ConsumerProperties["fetch.min.bytes"]);
        Assert.Equal(["0a1b2c.pin", "0a1b2c.geo", "0a1b2c.user", "ffee.pin", "ffee.geo", "ffee.user"], KafkaTopics.Subscription(settings.TopicPrefixes));
    }

    [Theory]
    [InlineData("topic-prefixes = [\"has space\"]")]
    [InlineData("buffer-size = 0")]
    [InlineData("commit-interval = 0s")]
    [InlineData("group-id = \"\"")]
    public void Rejects_unusable_values(string line)
    {
        Assert.Throws<ConfigurationException>(() => KafkaSettings.FromConfig(Config(line), NoEnvironment));
    }

    [Fact]
    public void Topic_names_map_to_tables()
    {
        Assert.Equal("u1.geo", KafkaTopics.Name("u1", Table.Geo));
        Assert.True(KafkaTopics.TryParseTable("0a.b.user", out var table));
        Assert.Equal(Table.User, table);
        Assert.False(KafkaTopics.TryParseTable("u1.pins", out _));
        Assert.Equal([KafkaTopics.AnyPrefixPattern], KafkaTopics.Subscription([]));
    }

    private static Config Config(string overrides) =>
        ConfigurationFactory.ParseString($"pipeline.kafka {{\n{overrides}\n}}").WithFallback(ShippedConfig());

    private static Config ShippedConfig()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "hocon", "kafka.conf")))
        {
            directory = directory.Parent;
        }

        Assert.NotNull(directory);
        return ConfigurationFactory.ParseString(File.ReadAllText(Path.Combine(directory.FullName, "hocon", "kafka.conf")));
    }
}
