using Akka.Configuration;
using Akka.Configuration.Hocon;

namespace Pipeline.Actors.Sources.Kafka;

/// <summary>Settings of the Kafka source and producer, read from <c>pipeline.kafka</c> (hocon/kafka.conf
/// documents each key).</summary>
public sealed record KafkaSettings
{
    public const string BootstrapEnvironmentVariable = "PIPELINE_KAFKA_BOOTSTRAP";
    public const string InstanceIdEnvironmentVariable = "PIPELINE_KAFKA_INSTANCE_ID";
    public const string PodNameEnvironmentVariable = "POD_NAME";

    /// <summary>Null when no Kafka is configured (the embedded broker is meant).</summary>
    public string? BootstrapServers { get; init; }

    public required string GroupId { get; init; }

    /// <summary>Empty means any prefix.</summary>
    public IReadOnlyList<string> TopicPrefixes { get; init; } = [];

    /// <summary>group.instance.id; null means dynamic membership.</summary>
    public string? InstanceId { get; init; }

    public int BufferSize { get; init; } = 10_000;

    public TimeSpan CommitInterval { get; init; } = TimeSpan.FromSeconds(1);

    public int CommitBatchSize { get; init; } = 5_000;

    public TimeSpan DrainTimeout { get; init; } = TimeSpan.FromSeconds(30);

    public TimeSpan TopicRefreshInterval { get; init; } = TimeSpan.FromSeconds(10);

    public int EmbeddedPartitions { get; init; } = 3;

    public IReadOnlyDictionary<string, string> ConsumerProperties { get; init; } = new Dictionary<string, string>();

    public IReadOnlyDictionary<string, string> ProducerProperties { get; init; } = new Dictionary<string, string>();

    public static KafkaSettings FromConfig(Config config) => FromConfig(config, Environment.GetEnvironmentVariable);

    internal static KafkaSettings FromConfig(Config config, Func<string, string?> environment)
    {
        var kafka = config.GetConfig("pipeline.kafka")
            ?? throw new ConfigurationException("Missing section pipeline.kafka (hocon/kafka.conf).");

        var settings = new KafkaSettings
        {
            BootstrapServers = NonEmpty(environment(BootstrapEnvironmentVariable)) ?? NonEmpty(kafka.GetString("bootstrap-servers")),
            GroupId = NonEmpty(kafka.GetString("group-id")) ?? throw new ConfigurationException("pipeline.kafka.group-id is empty."),
            TopicPrefixes = kafka.GetStringList("topic-prefixes").Select(p => p.Trim()).Where(p => p.Length > 0).ToList(),
            InstanceId = NonEmpty(environment(InstanceIdEnvironmentVariable))
                ?? NonEmpty(kafka.GetString("instance-id"))
                ?? NonEmpty(environment(PodNameEnvironmentVariable)),
            BufferSize = Positive(kafka.GetInt("buffer-size"), "buffer-size"),
            CommitInterval = Positive(kafka.GetTimeSpan("commit-interval"), "commit-interval"),
            CommitBatchSize = Positive(kafka.GetInt("commit-batch-size"), "commit-batch-size"),
            DrainTimeout = Positive(kafka.GetTimeSpan("drain-timeout"), "drain-timeout"),
            TopicRefreshInterval = Positive(kafka.GetTimeSpan("topic-refresh-interval"), "topic-refresh-interval"),
            EmbeddedPartitions = Positive(kafka.GetInt("embedded-partitions"), "embedded-partitions"),
            ConsumerProperties = Properties(kafka, "consumer-properties"),
            ProducerProperties = Properties(kafka, "producer-properties"),
        };

        foreach (var prefix in settings.TopicPrefixes)
        {
            if (!KafkaTopics.IsValidPrefix(prefix))
            {
                throw new ConfigurationException($"pipeline.kafka.topic-prefixes: '{prefix}' cannot start a Kafka topic name.");
            }
        }

        return settings;
    }

    private static string? NonEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    private static int Positive(int value, string key) =>
        value > 0 ? value : throw new ConfigurationException($"pipeline.kafka.{key} must be positive, was {value}.");

    private static TimeSpan Positive(TimeSpan value, string key) =>
        value > TimeSpan.Zero ? value : throw new ConfigurationException($"pipeline.kafka.{key} must be positive, was {value}.");

    private static IReadOnlyDictionary<string, string> Properties(Config kafka, string key)
    {
        var properties = new Dictionary<string, string>();
        var section = kafka.GetConfig(key);
        if (section is not null && !section.IsEmpty)
        {
            Flatten(section.Root.GetObject(), "", properties);
        }

        return properties;
    }

    /// <summary>librdkafka property names contain dots (fetch.min.bytes), which HOCON reads as
    /// nested objects unless quoted; flattening gives the dotted names back either way.</summary>
    private static void Flatten(HoconObject node, string prefix, Dictionary<string, string> into)
    {
        foreach (var (name, value) in node.Items)
        {
            if (value.IsObject())
            {
                Flatten(value.GetObject(), $"{prefix}{name}.", into);
            }
            else
            {
                into[prefix + name] = value.GetString();
            }
        }
    }
}
