namespace Pipeline.Actors.Sources.Kafka;

/// <summary>What a Kafka source is doing, as its consumer thread sees it.</summary>
/// <param name="ClusterId">Null until the cluster answered.</param>
/// <param name="Paused">Partitions are paused because the stream back-pressures or intake stopped.</param>
/// <param name="Assignments">Partition sets received from the group since start.</param>
/// <param name="Revocations">Partition sets taken away by rebalances since start.</param>
/// <param name="Losses">Partition sets lost without a clean revocation (e.g. session timeout).</param>
public sealed record KafkaSourceStatus(
    string? ClusterId,
    bool Paused,
    bool Stopped,
    int Assignments,
    int Revocations,
    int Losses,
    IReadOnlyList<KafkaPartitionStatus> Partitions);

/// <param name="LastDelivered">Offset of the last record handed to the stream.</param>
/// <param name="Committed">Offset this source last committed (the next one to read).</param>
/// <param name="HighWatermark">End of the partition as last fetched; lag is HighWatermark - (LastDelivered + 1).</param>
/// <param name="InFlight">Records handed to the stream and not yet reported done.</param>
public sealed record KafkaPartitionStatus(
    string Topic,
    int Partition,
    long? LastDelivered,
    long? Committed,
    long? HighWatermark,
    int InFlight);
