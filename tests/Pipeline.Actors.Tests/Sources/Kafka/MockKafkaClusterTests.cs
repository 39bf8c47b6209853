using Confluent.Kafka;
using Pipeline.Actors.Sources.Kafka;
using Xunit;

namespace Pipeline.Actors.Tests.Sources.Kafka;

public class MockKafkaClusterTests
{
    [Fact]
    public async Task Serves_produce_and_consume_over_the_Kafka_protocol()
    {
        using var cluster = MockKafkaCluster.Start();
        cluster.CreateTopic("t.pin", 2);

        using (var producer = new ProducerBuilder<Null, string>(new ProducerConfig { BootstrapServers = cluster.BootstrapServers }).Build())
        {
            var delivered = await producer.ProduceAsync(new TopicPartition("t.pin", 1), new Message<Null, string> { Value = "hello" });
            Assert.Equal(0, delivered.Offset.Value);
        }

        using var consumer = new ConsumerBuilder<Ignore, string>(new ConsumerConfig
        {
            BootstrapServers = cluster.BootstrapServers,
            GroupId = "g",
            AutoOffsetReset = AutoOffsetReset.Earliest,
        }).Build();
        consumer.Assign(new TopicPartition("t.pin", 1));
        var result = consumer.Consume(TimeSpan.FromSeconds(10));
        Assert.Equal("hello", result?.Message.Value);
    }

    [Fact]
    public async Task Reports_a_cluster_id()
    {
        using var cluster = MockKafkaCluster.Start();
        using var admin = new AdminClientBuilder(new AdminClientConfig { BootstrapServers = cluster.BootstrapServers }).Build();
        var description = await admin.DescribeClusterAsync(new Confluent.Kafka.Admin.DescribeClusterOptions { RequestTimeout = TimeSpan.FromSeconds(10) });
        Assert.False(string.IsNullOrEmpty(description.ClusterId));
    }

    [Fact]
    public void Refuses_a_topic_that_exists()
    {
        using var cluster = MockKafkaCluster.Start();
        cluster.CreateTopic("t.geo", 1);
        Assert.Throws<KafkaException>(() => cluster.CreateTopic("t.geo", 1));
    }

    [Fact]
    public void Rejects_calls_after_dispose()
    {
        var cluster = MockKafkaCluster.Start();
        cluster.Dispose();
        Assert.Throws<ObjectDisposedException>(() => cluster.CreateTopic("t.user", 1));
    }

    [Fact]
    public void Runs_in_the_librdkafka_copy_that_Confluent_Kafka_loaded()
    {
        using var cluster = MockKafkaCluster.Start();
        using var producer = new ProducerBuilder<Null, string>(new ProducerConfig { BootstrapServers = cluster.BootstrapServers }).Build();

        var librdkafkaFiles = File.ReadLines("/proc/self/maps")
            .Select(line => line.IndexOf('/') is var slash and >= 0 ? line[slash..] : "")
            .Where(path => Path.GetFileName(path).Contains("librdkafka", StringComparison.Ordinal))
            .Distinct()
            .ToList();
        Assert.Single(librdkafkaFiles);
    }
}
