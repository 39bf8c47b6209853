namespace Pipeline.Actors.Records;

/// <summary>
/// Where a stream element came from (DESIGN.md, "Positions"). <see cref="Source"/> names the log
/// (for Kafka the cluster id and topic, for Kinesis the stream), <see cref="Partition"/> the
/// partition or shard, <see cref="Offset"/> the Kafka offset or Kinesis sequence number as a decimal
/// string, and <see cref="ArrivalTime"/> the time the log stored the record, which drives
/// real-time windows so that a replay gives the same state.
/// </summary>
public sealed record SourcePosition(string Source, string Partition, string Offset, DateTimeOffset ArrivalTime)
{
    /// <summary>
    /// Orders two offsets of the same partition. Kafka offsets and Kinesis sequence numbers are both
    /// non-negative decimal integers without leading zeros, so the longer one is larger and equal
    /// lengths compare digit by digit; Kinesis numbers exceed 64 bits, so they are never parsed.
    /// </summary>
    public static int CompareOffsets(string left, string right)
    {
        var byLength = left.Length.CompareTo(right.Length);
        return byLength != 0 ? byLength : string.CompareOrdinal(left, right);
    }
}
