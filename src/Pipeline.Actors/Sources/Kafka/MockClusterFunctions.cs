using System.Runtime.InteropServices;
using System.Text;

namespace Pipeline.Actors.Sources.Kafka;

/// <summary>
/// The librdkafka C functions the embedded broker needs (rdkafka.h and rdkafka_mock.h), bound to
/// the library Confluent.Kafka loaded. The mock API is experimental in librdkafka and not covered by
/// its ABI guarantees, so the signatures are those of the librdkafka version Confluent.Kafka pins.
/// </summary>
internal static class MockClusterFunctions
{
    [UnmanagedFunctionPointer(CallingConvention.Cdecl)]
    public delegate IntPtr ConfNew();

    [UnmanagedFunctionPointer(CallingConvention.Cdecl)]
    public delegate int ConfSet(IntPtr conf, [MarshalAs(UnmanagedType.LPUTF8Str)] string name,
        [MarshalAs(UnmanagedType.LPUTF8Str)] string value, StringBuilder errstr, UIntPtr errstrSize);

    [UnmanagedFunctionPointer(CallingConvention.Cdecl)]
    public delegate void ConfDestroy(IntPtr conf);

    [UnmanagedFunctionPointer(CallingConvention.Cdecl)]
    public delegate IntPtr KafkaNew(int type, IntPtr conf, StringBuilder errstr, UIntPtr errstrSize);

    [UnmanagedFunctionPointer(CallingConvention.Cdecl)]
    public delegate void KafkaDestroy(IntPtr rk);

    [UnmanagedFunctionPointer(CallingConvention.Cdecl)]
    public delegate IntPtr ClusterNew(IntPtr rk, int brokerCount);

    [UnmanagedFunctionPointer(CallingConvention.Cdecl)]
    public delegate void ClusterDestroy(IntPtr cluster);

    [UnmanagedFunctionPointer(CallingConvention.Cdecl)]
    public delegate IntPtr ClusterBootstraps(IntPtr cluster);

    [UnmanagedFunctionPointer(CallingConvention.Cdecl)]
    public delegate int TopicCreate(IntPtr cluster, [MarshalAs(UnmanagedType.LPUTF8Str)] string topic,
        int partitionCount, int replicationFactor);

    [UnmanagedFunctionPointer(CallingConvention.Cdecl)]
    public delegate int BrokerSetState(IntPtr cluster, int brokerId);

    [UnmanagedFunctionPointer(CallingConvention.Cdecl)]
    public delegate void GroupInitialRebalanceDelay(IntPtr cluster, int delayMs);

    [UnmanagedFunctionPointer(CallingConvention.Cdecl)]
    public delegate void SetControllerId(IntPtr cluster, int brokerId);

    public static readonly ConfNew rd_kafka_conf_new = LoadedLibrdkafka.Function<ConfNew>(nameof(rd_kafka_conf_new));
    public static readonly ConfSet rd_kafka_conf_set = LoadedLibrdkafka.Function<ConfSet>(nameof(rd_kafka_conf_set));
    public static readonly ConfDestroy rd_kafka_conf_destroy = LoadedLibrdkafka.Function<ConfDestroy>(nameof(rd_kafka_conf_destroy));
    public static readonly KafkaNew rd_kafka_new = LoadedLibrdkafka.Function<KafkaNew>(nameof(rd_kafka_new));
    public static readonly KafkaDestroy rd_kafka_destroy = LoadedLibrdkafka.Function<KafkaDestroy>(nameof(rd_kafka_destroy));
    public static readonly ClusterNew rd_kafka_mock_cluster_new = LoadedLibrdkafka.Function<ClusterNew>(nameof(rd_kafka_mock_cluster_new));
    public static readonly ClusterDestroy rd_kafka_mock_cluster_destroy = LoadedLibrdkafka.Function<ClusterDestroy>(nameof(rd_kafka_mock_cluster_destroy));
    public static readonly ClusterBootstraps rd_kafka_mock_cluster_bootstraps = LoadedLibrdkafka.Function<ClusterBootstraps>(nameof(rd_kafka_mock_cluster_bootstraps));
    public static readonly TopicCreate rd_kafka_mock_topic_create = LoadedLibrdkafka.Function<TopicCreate>(nameof(rd_kafka_mock_topic_create));
    public static readonly BrokerSetState rd_kafka_mock_broker_set_down = LoadedLibrdkafka.Function<BrokerSetState>(nameof(rd_kafka_mock_broker_set_down));
    public static readonly BrokerSetState rd_kafka_mock_broker_set_up = LoadedLibrdkafka.Function<BrokerSetState>(nameof(rd_kafka_mock_broker_set_up));
    public static readonly GroupInitialRebalanceDelay rd_kafka_mock_group_initial_rebalance_delay_ms =
        LoadedLibrdkafka.Function<GroupInitialRebalanceDelay>(nameof(rd_kafka_mock_group_initial_rebalance_delay_ms));
    public static readonly SetControllerId rd_kafka_mock_set_controller_id = LoadedLibrdkafka.Function<SetControllerId>(nameof(rd_kafka_mock_set_controller_id));
}
