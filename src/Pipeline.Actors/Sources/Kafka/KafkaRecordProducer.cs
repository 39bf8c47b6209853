using System.Runtime.InteropServices;
using Confluent.Kafka;
using Pipeline.Actors.Records;

namespace Pipeline.Actors.Sources.Kafka;

/// <summary>Where the broker stored a produced record.</summary>
public readonly record struct ProducedOffset(string Topic, int Partition, long Offset);

/// <summary>
/// Writes raw records (UTF-8 JSON as the clients sent them) to Kafka and answers once the broker
/// acknowledged them. Thread-safe; one instance serves the whole process.
/// </summary>
public sealed class KafkaRecordProducer : IDisposable
{
    private readonly IProducer<byte[]?, byte[]> _producer;

    public KafkaRecordProducer(KafkaSettings settings)
    {
        var bootstrap = settings.BootstrapServers
            ?? throw new InvalidOperationException("No Kafka bootstrap servers: start the embedded broker and set them first.");
        var config = new ProducerConfig
        {
            BootstrapServers = bootstrap,
            Acks = Acks.All,
            EnableIdempotence = true,
            LingerMs = 5,
        };
        foreach (var (key, value) in settings.ProducerProperties)
        {
            config.Set(key, value);
        }

        _producer = new ProducerBuilder<byte[]?, byte[]>(config).Build();
    }

    /// <summary>Produces to <c>&lt;prefix&gt;.&lt;table&gt;</c>.</summary>
    public Task<ProducedOffset> ProduceAsync(string prefix, Table table, ReadOnlyMemory<byte> value,
        ReadOnlyMemory<byte>? key = null, int? partition = null, CancellationToken cancellationToken = default) =>
        ProduceAsync(KafkaTopics.Name(prefix, table), value, key, partition, cancellationToken);

    /// <summary>Produces to a topic by name; without a partition the key (or, keyless, librdkafka's
    /// sticky partitioner) chooses one.</summary>
    public async Task<ProducedOffset> ProduceAsync(string topic, ReadOnlyMemory<byte> value,
        ReadOnlyMemory<byte>? key = null, int? partition = null, CancellationToken cancellationToken = default)
    {
        var message = new Message<byte[]?, byte[]> { Value = AsArray(value), Key = key is { } k ? AsArray(k) : null };
        var target = new TopicPartition(topic, partition is { } p ? new Partition(p) : Partition.Any);
        var result = await _producer.ProduceAsync(target, message, cancellationToken).ConfigureAwait(false);
        return new ProducedOffset(result.Topic, result.Partition.Value, result.Offset.Value);
    }

    public void Dispose()
    {
        _producer.Flush(TimeSpan.FromSeconds(10));
        _producer.Dispose();
    }

    /// <summary>Avoids a copy when the memory is a whole array already.</summary>
    private static byte[] AsArray(ReadOnlyMemory<byte> memory) =>
        MemoryMarshal.TryGetArray(memory, out var segment) && segment.Offset == 0 && segment.Count == segment.Array!.Length
            ? segment.Array
            : memory.ToArray();
}
