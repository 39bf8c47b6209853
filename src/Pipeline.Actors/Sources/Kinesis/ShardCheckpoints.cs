using Akka.Actor;
using Akka.Event;
using Akka.Persistence;
using Pipeline.Actors.Records;

namespace Pipeline.Actors.Sources.Kinesis;

/// <summary>
/// The persisted checkpoint of one shard: the last sequence number the pipeline reported done. One
/// persistence id per shard, so the only writer is the node that owns the shard (a shard moves only
/// after this actor wrote its last checkpoint and stopped). Reports are collected in memory and
/// written as one event per checkpoint interval (never one per record); a snapshot replaces the
/// events every <see cref="KinesisSettings.SnapshotEvery"/>.
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

    /// <summary>
    /// The handoff: waits until <paramref name="SequenceNumber"/> (the last record emitted; null when
    /// none was) is reported done, or <paramref name="Timeout"/> passed, writes what is pending,
    /// answers <see cref="Flushed"/> and stops.
    /// </summary>
    public sealed record DrainThrough(string? SequenceNumber, TimeSpan Timeout);

    /// <summary>The journal event: shards whose checkpoint advanced, with their new sequence numbers.</summary>
    public sealed record ShardsCheckpointed(IReadOnlyDictionary<string, string> ByShard);

    public sealed record CheckpointsSnapshot(IReadOnlyDictionary<string, string> ByShard);

    private sealed record FlushTick
    {
        public static readonly FlushTick Instance = new();
    }

    private sealed record DrainTimedOut
    {
        public static readonly DrainTimedOut Instance = new();
    }

    private readonly Dictionary<string, string> _persisted = new();
    private readonly Dictionary<string, string> _pending = new();
    private readonly int _snapshotEvery;
    private (string? Through, IActorRef ReplyTo)? _draining;
    private bool _drained;
    /// <summary>Reading the checkpoint this shard may have from before checkpoints were kept per shard.</summary>
    private IActorRef? _earlier;
    private readonly List<IActorRef> _waitingForEarlier = new();

    public ShardCheckpoints(string streamName, string shardId, TimeSpan flushInterval, int snapshotEvery)
    {
        PersistenceId = PersistenceIdOf(streamName, shardId);
        _snapshotEvery = Math.Max(1, snapshotEvery);

        Recover<SnapshotOffer>(offer =>
        {
            if (offer.Snapshot is CheckpointsSnapshot snapshot)
            {
                Apply(snapshot.ByShard);
            }
        });
        Recover<ShardsCheckpointed>(checkpointed => Apply(checkpointed.ByShard));
        Recover<RecoveryCompleted>(_ =>
        {
            Timers.StartPeriodicTimer(FlushTick.Instance, FlushTick.Instance, flushInterval);
            if (_persisted.Count == 0)
            {
                _earlier = Context.Watch(Context.ActorOf(StreamCheckpointsBeforeOwnership.Props(streamName, shardId)));
            }
        });

        Command<Commit>(OnCommit);
        Command<GetCheckpoints>(_ =>
        {
            if (_earlier is null)
            {
                Sender.Tell(new Checkpoints(new Dictionary<string, string>(_persisted)));
            }
            else
            {
                _waitingForEarlier.Add(Sender);
            }
        });
        Command<StreamCheckpointsBeforeOwnership.Found>(found =>
        {
            if (found.SequenceNumber is { } sequence && !_persisted.ContainsKey(shardId))
            {
                _persisted[shardId] = sequence;
            }

            AnswerWaiting();
        });
        // Its recovery failed: go on without an earlier checkpoint.
        Command<Terminated>(terminated =>
        {
            if (terminated.ActorRef.Equals(_earlier))
            {
                AnswerWaiting();
            }
        });
        Command<FlushTick>(_ => PersistPending(null));
        Command<Flush>(_ => PersistPending(Sender));
        Command<DrainThrough>(OnDrainThrough);
        Command<DrainTimedOut>(_ => FinishDrain(timedOut: true));
        Command<SaveSnapshotSuccess>(saved =>
            DeleteSnapshots(new SnapshotSelectionCriteria(saved.Metadata.SequenceNr - 1)));
        Command<SaveSnapshotFailure>(failed => Context.GetLogger().Warning(failed.Cause, "Snapshot of {0} failed", PersistenceId));
        Command<DeleteSnapshotsSuccess>(_ => { });
        Command<DeleteSnapshotsFailure>(failed => Context.GetLogger().Warning(failed.Cause, "Deleting old snapshots of {0} failed", PersistenceId));
    }

    public override string PersistenceId { get; }

    public ITimerScheduler Timers { get; set; } = null!;

    public static string PersistenceIdOf(string streamName, string shardId) => $"kinesis-checkpoints-{streamName}-{shardId}";

    public static Props Props(string streamName, string shardId, KinesisSettings settings) =>
        Akka.Actor.Props.Create(() => new ShardCheckpoints(streamName, shardId, settings.CheckpointInterval, settings.SnapshotEvery));

    private void OnCommit(Commit commit)
    {
        var current = _pending.TryGetValue(commit.ShardId, out var pending) ? pending
            : _persisted.GetValueOrDefault(commit.ShardId);
        // Commits are cumulative, so a late report of an earlier record must not move the checkpoint back.
        if (current is null || SourcePosition.CompareOffsets(commit.SequenceNumber, current) > 0)
        {
            _pending[commit.ShardId] = commit.SequenceNumber;
        }

        if (_draining is { Through: { } through } && SourcePosition.CompareOffsets(commit.SequenceNumber, through) >= 0)
        {
            FinishDrain(timedOut: false);
        }
    }

    private void AnswerWaiting()
    {
        _earlier = null;
        foreach (var waiting in _waitingForEarlier)
        {
            waiting.Tell(new Checkpoints(new Dictionary<string, string>(_persisted)));
        }

        _waitingForEarlier.Clear();
    }

    private void OnDrainThrough(DrainThrough drain)
    {
        if (_draining is not null)
        {
            return;
        }

        _draining = (drain.SequenceNumber, Sender);
        var reached = drain.SequenceNumber is null
            || _pending.Values.Concat(_persisted.Values).Any(done => SourcePosition.CompareOffsets(done, drain.SequenceNumber) >= 0);
        if (reached)
        {
            FinishDrain(timedOut: false);
        }
        else
        {
            Timers.StartSingleTimer(DrainTimedOut.Instance, DrainTimedOut.Instance, drain.Timeout);
        }
    }

    /// <summary>Writes the last checkpoint and stops; commits arriving later are not this node's to write.</summary>
    private void FinishDrain(bool timedOut)
    {
        if (_draining is not { } drain || _drained)
        {
            return;
        }

        if (timedOut)
        {
            Context.GetLogger().Warning("{0}: records through {1} were emitted but not all reported done in time; "
                + "the next owner reads them again", PersistenceId, drain.Through);
        }

        _drained = true;
        Timers.CancelAll();
        PersistPending(drain.ReplyTo);
        DeferAsync(PersistenceId, _ => Context.Stop(Self));
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
