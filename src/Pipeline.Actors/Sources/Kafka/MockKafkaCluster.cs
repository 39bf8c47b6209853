using System.Runtime.InteropServices;
using System.Text;
using Confluent.Kafka;
using static Pipeline.Actors.Sources.Kafka.MockClusterFunctions;

namespace Pipeline.Actors.Sources.Kafka;

/// <summary>
/// librdkafka's mock Kafka cluster, running in this process: real brokers speaking the Kafka
/// protocol over TCP on 127.0.0.1, so clients use it exactly as a production cluster. It keeps
/// everything in memory, nothing survives <see cref="Dispose"/>, and each partition holds only
/// about <see cref="PartitionCapacityBytes"/>: older batches are dropped beyond that, so a consumer
/// further behind silently jumps to the log start.
/// </summary>
public sealed class MockKafkaCluster : IDisposable
{
    /// <summary>How much one partition keeps before librdkafka's mock drops its oldest batches.</summary>
    public const int PartitionCapacityBytes = 5 * 1024 * 1024;

    /// <summary>Passed as a broker id, addresses every broker of the cluster.</summary>
    public const int AllBrokers = -1;

    private const int ProducerType = 0;
    private const int ErrorTextSize = 512;

    private readonly object _gate = new();
    private IntPtr _owner;
    private IntPtr _cluster;

    private MockKafkaCluster(IntPtr owner, IntPtr cluster, int brokerCount)
    {
        _owner = owner;
        _cluster = cluster;
        BrokerCount = brokerCount;
        BootstrapServers = Marshal.PtrToStringUTF8(rd_kafka_mock_cluster_bootstraps(cluster))
            ?? throw new InvalidOperationException("The mock cluster reported no bootstrap servers.");
    }

    /// <summary>Comma-separated <c>127.0.0.1:port</c> of every broker.</summary>
    public string BootstrapServers { get; }

    /// <summary>Brokers have ids 1 to <see cref="BrokerCount"/>.</summary>
    public int BrokerCount { get; }

    /// <summary>Starts a cluster of <paramref name="brokerCount"/> brokers whose consumer groups
    /// form as soon as the first member joins (no initial rebalance delay).</summary>
    public static MockKafkaCluster Start(int brokerCount = 1)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(brokerCount, 1);

        // The mock cluster needs a client instance for its bookkeeping; a producer that never
        // connects anywhere is the lightest one.
        var conf = rd_kafka_conf_new();
        var error = new StringBuilder(ErrorTextSize);
        if (rd_kafka_conf_set(conf, "log_level", "3", error, (UIntPtr)ErrorTextSize) != 0)
        {
            rd_kafka_conf_destroy(conf);
            throw new InvalidOperationException($"Configuring the mock cluster's client failed: {error}");
        }

        var owner = rd_kafka_new(ProducerType, conf, error, (UIntPtr)ErrorTextSize);
        if (owner == IntPtr.Zero)
        {
            rd_kafka_conf_destroy(conf);
            throw new InvalidOperationException($"Creating the mock cluster's client failed: {error}");
        }

        var cluster = rd_kafka_mock_cluster_new(owner, brokerCount);
        if (cluster == IntPtr.Zero)
        {
            rd_kafka_destroy(owner);
            throw new InvalidOperationException("librdkafka could not start a mock cluster.");
        }

        rd_kafka_mock_group_initial_rebalance_delay_ms(cluster, 0);

        // The mock names no controller by default, and the admin API's DescribeCluster (how a
        // source learns the cluster id) asks the controller.
        rd_kafka_mock_set_controller_id(cluster, 1);
        return new MockKafkaCluster(owner, cluster, brokerCount);
    }

    /// <summary>Creates a topic; creating one that exists is an error.</summary>
    public void CreateTopic(string name, int partitions, int replicationFactor = 1)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        ArgumentOutOfRangeException.ThrowIfLessThan(partitions, 1);
        Call(cluster => rd_kafka_mock_topic_create(cluster, name, partitions, replicationFactor), $"Creating topic {name}");
    }

    /// <summary>Disconnects the broker and refuses new connections, as a broker outage looks to
    /// clients. Partition leadership does not move.</summary>
    public void SetBrokerDown(int brokerId = AllBrokers) =>
        Call(cluster => rd_kafka_mock_broker_set_down(cluster, brokerId), $"Setting broker {brokerId} down");

    /// <summary>Lets the broker accept connections again.</summary>
    public void SetBrokerUp(int brokerId = AllBrokers) =>
        Call(cluster => rd_kafka_mock_broker_set_up(cluster, brokerId), $"Setting broker {brokerId} up");

    public void Dispose()
    {
        lock (_gate)
        {
            if (_cluster == IntPtr.Zero)
            {
                return;
            }

            rd_kafka_mock_cluster_destroy(_cluster);
            rd_kafka_destroy(_owner);
            _cluster = IntPtr.Zero;
            _owner = IntPtr.Zero;
        }
    }

    /// <summary>Calls into the cluster under the lock, so <see cref="Dispose"/> cannot free it mid-call.</summary>
    private void Call(Func<IntPtr, int> function, string what)
    {
        int errorCode;
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_cluster == IntPtr.Zero, this);
            errorCode = function(_cluster);
        }

        if (errorCode != 0)
        {
            throw new KafkaException(new Error((ErrorCode)errorCode, $"{what} failed: {new Error((ErrorCode)errorCode).Reason}"));
        }
    }
}
