using Akka.Actor;
using Akka.Persistence;

namespace Pipeline.Actors.Sources.Kinesis;

/// <summary>
/// Reads, never writes, the checkpoints of a whole stream as they were kept before shards had owners
/// (one persistence id per stream), so a shard without a checkpoint of its own resumes where the
/// engine left it instead of at the initial position. Tells its parent what it found for one shard,
/// then stops; the shard's own checkpoint replaces it at the first commit.
/// </summary>
internal sealed class StreamCheckpointsBeforeOwnership : ReceivePersistentActor
{
    public sealed record Found(string? SequenceNumber);

    private string? _found;

    public StreamCheckpointsBeforeOwnership(string streamName, string shardId)
    {
        PersistenceId = $"kinesis-checkpoints-{streamName}";
        Recover<SnapshotOffer>(offer =>
        {
            if (offer.Snapshot is ShardCheckpoints.CheckpointsSnapshot snapshot && snapshot.ByShard.TryGetValue(shardId, out var sequence))
            {
                _found = sequence;
            }
        });
        Recover<ShardCheckpoints.ShardsCheckpointed>(checkpointed =>
        {
            if (checkpointed.ByShard.TryGetValue(shardId, out var sequence))
            {
                _found = sequence;
            }
        });
        Recover<RecoveryCompleted>(_ =>
        {
            Context.Parent.Tell(new Found(_found));
            Context.Stop(Self);
        });
    }

    public override string PersistenceId { get; }

    public static Props Props(string streamName, string shardId) =>
        Akka.Actor.Props.Create(() => new StreamCheckpointsBeforeOwnership(streamName, shardId));
}
