using Akka.Actor;
using Akka.Event;
using Akka.Persistence;
using Pipeline.Actors.Records;

namespace Pipeline.Actors.Sources.Kinesis;

/// <summary>
/// The persisted checkpoints of one stream: per shard, the last sequence number the pipeline reported
/// done. Reports are collected in memory and written as one event per checkpoint interval (never one
/// per record); a snapshot replaces the events every <see cref="KinesisSettings.SnapshotEvery"/>.
/// </summary>
public sealed class ShardCheckpoints : ReceivePersistentActor, IWithTimers
{
    /// <summary>Marks the record at <paramref name="SequenceNumber"/> and every earlier record of the shard done.</summary>
    public sealed record Commit(string ShardId, string SequenceNumber);

    /// <summary>Asks for the persisted checkpoints; answered with <see cref="Checkpoints"/>.</summary>
    public sealed record GetCheckpoints
    {
        public static readonly GetCheckpoints Instance = new();
    }

    public sealed record Checkpoints(IReadOnlyDictionary<string, string> ByShard);

    /// <summary>Writes what is pending now; answered with <see cref="Flushed"/> once it is durable.</summary>
    public sealed record Flush
    {
        public static readonly Flush Instance = new();
    }

    public sealed record Flushed(IReadOnlyDictionary<string, string> ByShard);

    /// <summary>The journal event: shards whose checkpoint advanced, with their new sequence numbers.</summary>
    public sealed record ShardsCheckpointed(IReadOnlyDictionary<string, string> ByShard);

    public sealed record CheckpointsSnapshot(IReadOnlyDictionary<string, string> ByShard);

    private sealed record FlushTick
    {
        public static readonly FlushTick Instance = new();
    }

    private readonly Dictionary<string, string> _persisted = new();
    private readonly Dictionary<string, string> _pending = new();
    private readonly int _snapshotEvery;

    public ShardCheckpoints(string streamName, TimeSpan flushInterval, int snapshotEvery)
    {
        PersistenceId = PersistenceIdOf(streamName);
        _snapshotEvery = Math.Max(1, snapshotEvery);

        Recover<SnapshotOffer>(offer =>
        {
            if (offer.Snapshot is CheckpointsSnapshot snapshot)
            {
                Apply(snapshot.ByShard);
            }
        });
        Recover<ShardsCheckpointed>(checkpointed => Apply(checkpointed.ByShard));
        Recover<RecoveryCompleted>(_ => Timers.StartPeriodicTimer(FlushTick.Instance, FlushTick.Instance, flushInterval));

        Command<Commit>(OnCommit);
        Command<GetCheckpoints>(_ => Sender.Tell(new Checkpoints(new Dictionary<string, string>(_persisted))));
        Command<FlushTick>(_ => PersistPending(null));
        Command<Flush>(_ => PersistPending(Sender));
        Command<SaveSnapshotSuccess>(saved =>
            DeleteSnapshots(new SnapshotSelectionCriteria(saved.Metadata.SequenceNr - 1)));
        Command<SaveSnapshotFailure>(failed => Context.GetLogger().Warning(failed.Cause, "Snapshot of {0} failed", PersistenceId));
        Command<DeleteSnapshotsSuccess>(_ => { });
        Command<DeleteSnapshotsFailure>(failed => Context.GetLogger().Warning(failed.Cause, "Deleting old snapshots of {0} failed", PersistenceId));
    }

    public override string PersistenceId { get; }

    public ITimerScheduler Timers { get; set; } = null!;

    public static string PersistenceIdOf(string streamName) => $"kinesis-checkpoints-{streamName}";

    public static Props Props(string streamName, KinesisSettings settings) =>
        Akka.Actor.Props.Create(() => new ShardCheckpoints(streamName, settings.CheckpointInterval, settings.SnapshotEvery));

    private void OnCommit(Commit commit)
    {
        var current = _pending.TryGetValue(commit.ShardId, out var pending) ? pending
            : _persisted.GetValueOrDefault(commit.ShardId);
        // Commits are cumulative, so a late report of an earlier record must not move the checkpoint back.
        if (current is null || SourcePosition.CompareOffsets(commit.SequenceNumber, current) > 0)
        {
            _pending[commit.ShardId] = commit.SequenceNumber;
        }
    }

    private void PersistPending(IActorRef? replyTo)
    {
        if (_pending.Count == 0)
        {
            replyTo?.Tell(new Flushed(new Dictionary<string, string>(_persisted)));
            return;
        }

        var advanced = new ShardsCheckpointed(new Dictionary<string, string>(_pending));
        _pending.Clear();
        Persist(advanced, persisted =>
        {
            Apply(persisted.ByShard);
            if (LastSequenceNr % _snapshotEvery == 0)
            {
                SaveSnapshot(new CheckpointsSnapshot(new Dictionary<string, string>(_persisted)));
            }

            replyTo?.Tell(new Flushed(new Dictionary<string, string>(_persisted)));
        });
    }

    private void Apply(IReadOnlyDictionary<string, string> byShard)
    {
        foreach (var (shard, sequence) in byShard)
        {
            _persisted[shard] = sequence;
        }
    }
}
