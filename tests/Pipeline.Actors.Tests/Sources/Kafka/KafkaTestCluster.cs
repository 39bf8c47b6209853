using System.Text;
using Confluent.Kafka;
using Pipeline.Actors.Records;
using Pipeline.Actors.Sources.Kafka;

namespace Pipeline.Actors.Tests.Sources.Kafka;

/// <summary>A mock cluster with a producer, and settings tuned so groups form and commit quickly.</summary>
internal sealed class KafkaTestCluster : IDisposable
{
    private static readonly Dictionary<string, string> FastReconnect = new()
    {
        ["reconnect.backoff.ms"] = "100",
        ["reconnect.backoff.max.ms"] = "500",
    };

    public KafkaTestCluster()
    {
        Cluster = MockKafkaCluster.Start();
        Producer = new KafkaRecordProducer(Settings("producer"));
    }

    public MockKafkaCluster Cluster { get; }

    public KafkaRecordProducer Producer { get; }

    public KafkaSettings Settings(string groupId, int bufferSize = 1000, IReadOnlyList<string>? prefixes = null, Dictionary<string, string>? consumerProperties = null)
    {
        var properties = new Dictionary<string, string>(FastReconnect)
        {
            // The mock coordinator waits session timeout - 1 s for members to rejoin a rebalance.
            ["session.timeout.ms"] = "2000",
            ["heartbeat.interval.ms"] = "300",
        };
        foreach (var (key, value) in consumerProperties ?? [])
        {
            properties[key] = value;
        }

        return new KafkaSettings
        {
            BootstrapServers = Cluster.BootstrapServers,
            GroupId = groupId,
            TopicPrefixes = prefixes ?? [],
            BufferSize = bufferSize,
            CommitInterval = TimeSpan.FromMilliseconds(100),
            CommitBatchSize = 1000,
            DrainTimeout = TimeSpan.FromSeconds(10),
            TopicRefreshInterval = TimeSpan.FromSeconds(1),
            ConsumerProperties = properties,
            ProducerProperties = FastReconnect,
        };
    }

    /// <summary>Creates the three topics of a prefix.</summary>
    public void CreateTopics(string prefix, int partitions)
    {
        foreach (var table in Enum.GetValues<Table>())
        {
            Cluster.CreateTopic(KafkaTopics.Name(prefix, table), partitions);
        }
    }

    /// <summary>Produces <paramref name="perPartition"/> records to each partition of a topic; the
    /// value names the record so tests can check the bytes.</summary>
    public async Task<List<ProducedOffset>> Produce(string topic, int partitions, int perPartition)
    {
        var produced = new List<ProducedOffset>();
        for (var i = 0; i < perPartition; i++)
        {
            for (var partition = 0; partition < partitions; partition++)
            {
                produced.Add(await Producer.ProduceAsync(topic, Value(topic, partition, i), partition: partition));
            }
        }

        return produced;
    }

    public static byte[] Value(string topic, int partition, int index) =>
        Encoding.UTF8.GetBytes($"{{\"topic\":\"{topic}\",\"partition\":{partition},\"i\":{index}}}");

    /// <summary>The offsets a group committed, read the way a restarted member would.</summary>
    public Dictionary<(string Topic, int Partition), long> Committed(string groupId, IEnumerable<(string Topic, int Partition)> partitions)
    {
        using var consumer = new ConsumerBuilder<Ignore, Ignore>(new ConsumerConfig
        {
            BootstrapServers = Cluster.BootstrapServers,
            GroupId = groupId,
        }).Build();
        return consumer.Committed(partitions.Select(p => new TopicPartition(p.Topic, p.Partition)), TimeSpan.FromSeconds(10))
            .ToDictionary(o => (o.Topic, o.Partition.Value), o => o.Offset.Value);
    }

    public void Dispose()
    {
        Producer.Dispose();
        Cluster.Dispose();
    }
}
