using Confluent.Kafka;
using Pipeline.Actors.Records;
using Pipeline.Actors.Sources.Kafka;

namespace Pipeline.Bench;

/// <summary>Produces records to their tables' topics round-robin over each topic's partitions (the
/// sticky partitioner would overfill one); returns once the broker has them all.</summary>
internal static class RoundRobinProducer
{
    public static void Produce(string bootstrap, string prefix, IEnumerable<(Table Table, byte[] Value)> records, Func<Table, int> partitionsOf)
    {
        using var producer = new ProducerBuilder<Null, byte[]>(new ProducerConfig
        {
            BootstrapServers = bootstrap,
            LingerMs = 20,
            BatchSize = 1_000_000,
            QueueBufferingMaxMessages = 500_000,
        }).Build();
        var failures = 0;
        var sent = new Dictionary<Table, int>();
        foreach (var (table, value) in records)
        {
            var index = sent[table] = sent.GetValueOrDefault(table) + 1;
            var partition = new TopicPartition(KafkaTopics.Name(prefix, table), index % partitionsOf(table));
            while (true)
            {
                try
                {
                    producer.Produce(partition, new Message<Null, byte[]> { Value = value }, report =>
                    {
                        if (report.Error.IsError)
                            Interlocked.Increment(ref failures);
                    });
                    break;
                }
                catch (ProduceException<Null, byte[]> e) when (e.Error.Code == ErrorCode.Local_QueueFull)
                {
                    producer.Poll(TimeSpan.FromMilliseconds(10));
                }
            }
        }

        producer.Flush();
        if (failures > 0)
            throw new InvalidOperationException($"{failures} records were not produced.");
    }
}
