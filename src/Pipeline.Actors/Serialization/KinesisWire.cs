using Pipeline.Actors.Sources.Kinesis;

namespace Pipeline.Actors.Serialization;

/// <summary>Layouts of the Kinesis shard checkpoints' protocol (<c>Sources/Kinesis/</c>), including
/// the journal event and the snapshot it persists: those layouts are durable, so they never change
/// under the same manifest.</summary>
internal static class KinesisWire
{
    public static IEnumerable<WireType> Types =>
    [
        WireType.Of<ShardCheckpoints.Commit>("kinesis-commit", (w, m) =>
        {
            w.Write(m.ShardId);
            w.Write(m.SequenceNumber);
        }, r => new ShardCheckpoints.Commit(r.ReadString(), r.ReadString())),
        WireType.Empty("get-kinesis-checkpoints", ShardCheckpoints.GetCheckpoints.Instance),
        WireType.Of<ShardCheckpoints.Checkpoints>("kinesis-checkpoints", (w, m) => Write(w, m.ByShard), r => new ShardCheckpoints.Checkpoints(ReadByShard(r))),
        WireType.Empty("kinesis-flush", ShardCheckpoints.Flush.Instance),
        WireType.Of<ShardCheckpoints.Flushed>("kinesis-flushed", (w, m) => Write(w, m.ByShard), r => new ShardCheckpoints.Flushed(ReadByShard(r))),
        WireType.Of<ShardCheckpoints.ShardsCheckpointed>("kinesis-checkpointed", (w, m) => Write(w, m.ByShard), r => new ShardCheckpoints.ShardsCheckpointed(ReadByShard(r))),
        WireType.Of<ShardCheckpoints.CheckpointsSnapshot>("kinesis-checkpoints-snapshot", (w, m) => Write(w, m.ByShard), r => new ShardCheckpoints.CheckpointsSnapshot(ReadByShard(r))),
    ];

    private static void Write(BinaryWriter writer, IReadOnlyDictionary<string, string> byShard) =>
        writer.WriteDictionary(byShard, (w, shard) => w.Write(shard), (w, sequence) => w.Write(sequence));

    private static Dictionary<string, string> ReadByShard(BinaryReader reader) => reader.ReadDictionary(r => r.ReadString(), r => r.ReadString());
}
