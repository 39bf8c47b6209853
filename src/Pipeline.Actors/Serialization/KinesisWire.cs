using Pipeline.Actors.Sources.Kinesis;
using Pipeline.Actors.Sources.Kinesis.Ownership;

namespace Pipeline.Actors.Serialization;

/// <summary>Layouts of the Kinesis shard checkpoints' protocol (<c>Sources/Kinesis/</c>), including
/// the journal event and the snapshot it persists: those layouts are durable, so they never change
/// under the same manifest. Also the shard ownership protocol between the coordinator singleton and
/// the reader hosts (<c>Sources/Kinesis/Ownership/</c>).</summary>
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
        WireType.Of<ShardKey>("kinesis-shard", Write, ReadShard),
        WireType.Of<ReaderHostReport>("kinesis-reader-report", (w, m) =>
        {
            w.WriteActorRef(m.Host);
            w.WriteList(m.Reading, Write);
            w.WriteList(m.Releasing, Write);
        }, r => new ReaderHostReport(r.ReadActorRef(), r.ReadList(ReadShard), r.ReadList(ReadShard))),
        WireType.Of<GrantShard>("kinesis-grant", (w, m) =>
        {
            Write(w, m.Shard);
            w.Write(m.StartsAtBeginning);
        }, r => new GrantShard(ReadShard(r), r.ReadBoolean())),
        WireType.Of<RevokeShard>("kinesis-revoke", (w, m) => Write(w, m.Shard), r => new RevokeShard(ReadShard(r))),
        WireType.Of<ShardReleased>("kinesis-released", (w, m) =>
        {
            w.WriteActorRef(m.Host);
            Write(w, m.Shard);
        }, r => new ShardReleased(r.ReadActorRef(), ReadShard(r))),
        WireType.Of<ShardEnded>("kinesis-ended", (w, m) =>
        {
            w.WriteActorRef(m.Host);
            Write(w, m.Shard);
        }, r => new ShardEnded(r.ReadActorRef(), ReadShard(r))),
        WireType.Empty("get-kinesis-owners", GetShardOwners.Instance),
        WireType.Of<ShardOwner>("kinesis-owner", Write, ReadOwner),
        WireType.Of<ShardOwners>("kinesis-owners", (w, m) => w.WriteList(m.Shards, Write), r => new ShardOwners(r.ReadList(ReadOwner))),
    ];

    private static void Write(BinaryWriter writer, ShardKey shard)
    {
        writer.Write(shard.Stream);
        writer.Write(shard.ShardId);
    }

    private static ShardKey ReadShard(BinaryReader reader) => new(reader.ReadString(), reader.ReadString());

    private static void Write(BinaryWriter writer, ShardOwner owner)
    {
        Write(writer, owner.Shard);
        writer.Write(owner.Node);
    }

    private static ShardOwner ReadOwner(BinaryReader reader) => new(ReadShard(reader), reader.ReadString());

    private static void Write(BinaryWriter writer, IReadOnlyDictionary<string, string> byShard) =>
        writer.WriteDictionary(byShard, (w, shard) => w.Write(shard), (w, sequence) => w.Write(sequence));

    private static Dictionary<string, string> ReadByShard(BinaryReader reader) => reader.ReadDictionary(r => r.ReadString(), r => r.ReadString());
}
