using System.Globalization;
using System.Text;
using Confluent.Kafka;
using Pipeline.Actors.Sources.Kafka;
using Pipeline.Host.Engine;

namespace Pipeline.Host.Ingest;

/// <summary>
/// Writes HTTP ingest to Kafka. Kinesis-shaped requests go to the Kafka topic of the same table
/// (<c>streaming-&lt;prefix&gt;-pin</c> to <c>&lt;prefix&gt;.pin</c>) and are answered in Kinesis's
/// shape: the partition as the shard and the offset as the sequence number.
/// </summary>
public sealed class KafkaIngestTarget(KafkaConnection kafka, KafkaRecordProducer producer) : IIngestTarget
{
    public async Task<IReadOnlyList<TopicWrite>> WriteToTopicAsync(string topic, IReadOnlyList<KafkaRestRecord> records, CancellationToken cancellation)
    {
        kafka.EnsureTopic(topic);
        var writes = records.Select(record => producer.ProduceAsync(topic, record.Value,
            record.Key is null ? null : Encoding.UTF8.GetBytes(record.Key), Partition(topic, record.Partition), cancellation));
        return (await Produce(writes)).Select(w => new TopicWrite(w.Partition, w.Offset)).ToList();
    }

    public async Task<IReadOnlyList<StreamWrite>> WriteToStreamAsync(string stream, IReadOnlyList<KinesisProxyRecord> records, CancellationToken cancellation)
    {
        StreamNames.TryParseStream(stream, out var prefix, out var table);
        var topic = StreamNames.Topic(prefix, table);
        kafka.EnsureTopic(topic);
        var writes = records.Select(record => producer.ProduceAsync(topic, record.Data, Encoding.UTF8.GetBytes(record.PartitionKey), null, cancellation));
        return (await Produce(writes))
            .Select(w => new StreamWrite($"shardId-{w.Partition:D12}", w.Offset.ToString(CultureInfo.InvariantCulture)))
            .ToList();
    }

    public Task<IReadOnlyList<string>> ListStreamsAsync(CancellationToken cancellation) => Task.Run(() =>
    {
        using var admin = new AdminClientBuilder(new AdminClientConfig { BootstrapServers = kafka.BootstrapServers }).Build();
        var metadata = admin.GetMetadata(TimeSpan.FromSeconds(10));
        IReadOnlyList<string> streams = metadata.Topics
            .Select(t => StreamNames.TryParseTopic(t.Topic, out var prefix, out var table) ? StreamNames.Stream(prefix, table) : null)
            .OfType<string>()
            .Order(StringComparer.Ordinal)
            .ToList();
        return streams;
    }, cancellation);

    /// <summary>The REST proxy refuses a partition the topic does not have; so do we, rather than
    /// let the producer wait for a partition that never appears.</summary>
    private int? Partition(string topic, int? requested)
    {
        if (requested is { } p && kafka.IsEmbedded && p >= kafka.Settings.EmbeddedPartitions)
            throw new IngestError(404, $"Partition {p} of topic {topic} not found");
        return requested;
    }

    private static async Task<ProducedOffset[]> Produce(IEnumerable<Task<ProducedOffset>> writes)
    {
        try
        {
            return await Task.WhenAll(writes);
        }
        catch (ProduceException<byte[]?, byte[]> e)
        {
            throw new IngestError(503, $"Kafka did not acknowledge the records: {e.Error.Reason}");
        }
        catch (KafkaException e)
        {
            throw new IngestError(503, $"Kafka is unavailable: {e.Error.Reason}");
        }
    }
}
