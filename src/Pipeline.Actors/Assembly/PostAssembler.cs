using Akka.Actor;
using Akka.Event;
using Akka.Persistence;
using Pipeline.Actors.Checkpoints;

namespace Pipeline.Actors.Assembly;

/// <summary>
/// The sharded entity of one assembler bucket (entity id: the bucket number, post index modulo
/// <see cref="AssemblySettings.Buckets"/>). Joins the parts of its posts (<see cref="AssemblyBucket"/>)
/// and delivers the changes itself, so every consumer gets a bucket's changes in sequence order
/// whichever stage, on whichever node, sent the records.
/// <list type="number">
/// <item>A request's new records are journaled before anything is emitted, so a change's number
/// is fixed forever: after a crash, recovery re-runs the journal in its order and rebuilds the same
/// changes, whatever order the sources replay in.</item>
/// <item>Changes go to the consumers (one message per consumer per request, in order; each names the
/// last change delivered to that consumer since the checkpoint, so a consumer that lost changes
/// says so), then the consumers' reports go to the leaderboards; only then is the request answered.
/// Requests wait (stashed) while a delivery or checkpoint runs.</item>
/// <item>At a checkpoint every consumer and board it delivered to since the last one persists,
/// after confirming it holds those changes; then the bucket saves the snapshot of its state as it was
/// when the checkpoint began and drops the journal up to there. The changes since the snapshot are
/// the ones not yet known to be durable everywhere. Requests keep flowing while the consumers persist
/// (their snapshots are most of a checkpoint's time): changes delivered meanwhile belong to the next
/// checkpoint, and each delivery still names the last change the consumer got, from either.</item>
/// <item>When a consumer lacks changes (it stopped abruptly and came back from an older snapshot) or
/// does not answer in time, the bucket delivers every change since its snapshot again, in order
/// (consumers ignore what they hold), and carries on; a checkpoint still confirming then fails (its
/// stage asks again). If that fails too, the request fails and the bucket restarts, which recovers
/// and delivers the same again.</item>
/// </list>
/// It never passivates: pending posts wait on its clock.
/// </summary>
public sealed class PostAssembler : ReceivePersistentActor
{
    private readonly AssemblySettings _settings;
    private readonly IChangeDelivery _delivery;
    private readonly ILoggingAdapter _log = Context.GetLogger();
    private readonly List<PostChange> _sinceSnapshot = [];
    private Dictionary<ChangeRecipient, long> _delivered = [];
    private HashSet<ChangeRecipient> _boards = [];
    private AssemblyBucket _bucket;
    private long _snapshotSequenceNr;
    private Work? _work;
    private Checkpoint? _checkpoint;
    private int _checkpoints;

    public PostAssembler(int bucket, AssemblySettings settings, IChangeDelivery delivery)
    {
        _settings = settings;
        _delivery = delivery;
        _bucket = new AssemblyBucket(bucket, settings);
        PersistenceId = $"post-assembler-{bucket}";

        Recover<SnapshotOffer>(offer =>
        {
            _bucket = AssemblyBucket.FromSnapshot(SnapshotJson.Deserialize<AssemblyBucketSnapshot>((byte[])offer.Snapshot), _settings);
            _snapshotSequenceNr = offer.Metadata.SequenceNr;
        });
        Recover<AssembleRecords>(request => _sinceSnapshot.AddRange(Accept(request)));
        Recover<FlushPendingPosts>(_ => _sinceSnapshot.AddRange(_bucket.Flush()));
        Recover<RecoveryCompleted>(_ =>
        {
            if (_sinceSnapshot.Count > 0)
                Start(new Work(WorkKind.Redelivery, null, 0), _sinceSnapshot.ToList(), fromSnapshot: true);
        });

        Command<AssembleRecords>(request =>
        {
            if (Busy())
                return;
            var fresh = request.Records.Where(record => _bucket.IsNew(record.Position)).ToList();
            if (fresh.Count == 0)
                Sender.Tell(Assembled(0));
            else
                Persist(new AssembleRecords(fresh), persisted => Emit(Accept(persisted)));
        });
        Command<FlushPendingPosts>(flush =>
        {
            if (Busy())
                return;
            if (_bucket.PendingCount == 0)
                Sender.Tell(Assembled(0));
            else
                Persist(flush, _ => Emit(_bucket.Flush()));
        });
        Command<PersistCheckpoint>(_ =>
        {
            // One checkpoint at a time, begun between deliveries so that what it confirms was delivered.
            if (_work is not null || _checkpoint is not null)
                Stash.Stash();
            else if (LastSequenceNr == _snapshotSequenceNr && _delivered.Count == 0 && _boards.Count == 0)
                Sender.Tell(new CheckpointPersisted(PersistenceId));
            else
                BeginCheckpoint(Sender, retried: false);
        });
        Command<Delivered>(delivered =>
        {
            _boards.UnionWith(delivered.Boards);
            var work = _work!;
            _work = null;
            if (work.Kind == WorkKind.Assembly)
                work.Requester?.Tell(Assembled(work.Changes));
            else if (work.Kind == WorkKind.CheckpointRedelivery)
                BeginCheckpoint(work.Requester, retried: true);
            if (_checkpoint?.Failure is not null)
                RedeliverForCheckpoint();
            Stash.UnstashAll();
        });
        Command<Confirmed>(confirmed =>
        {
            if (_checkpoint is not { } checkpoint || checkpoint.Id != confirmed.Checkpoint)
                return;
            _checkpoint = checkpoint with { Saving = true };
            // The state as it was when the checkpoint began, under that journal position: what
            // was journaled since is replayed after it on recovery.
            SnapshotStore.Tell(new SaveSnapshot(new SnapshotMetadata(PersistenceId, checkpoint.SequenceNr, DateTime.UtcNow), checkpoint.Snapshot));
        });
        Command<CheckpointFailed>(failed =>
        {
            if (_checkpoint is not { } checkpoint || checkpoint.Id != failed.Checkpoint)
                return;
            if (checkpoint.Retried)
            {
                _log.Warning("{0} restarts: {1}", PersistenceId, failed.Cause.Message);
                checkpoint.Requester?.Tell(new Status.Failure(failed.Cause));
                _checkpoint = null;
                throw new ChangesUndeliveredException(PersistenceId, failed.Cause);
            }
            _checkpoint = checkpoint with { Failure = failed.Cause };
            if (_work is null)
                RedeliverForCheckpoint();
        });
        Command<SaveSnapshotSuccess>(saved =>
        {
            if (_checkpoint is not { Saving: true } checkpoint || saved.Metadata.SequenceNr != checkpoint.SequenceNr)
                return;
            _snapshotSequenceNr = checkpoint.SequenceNr;
            _sinceSnapshot.RemoveRange(0, checkpoint.Covered);
            DeleteMessages(checkpoint.SequenceNr);
            _checkpoint = null;
            checkpoint.Requester?.Tell(new CheckpointPersisted(PersistenceId));
            Stash.UnstashAll();
        });
        Command<SaveSnapshotFailure>(failure =>
        {
            if (_checkpoint is not { Saving: true } checkpoint || failure.Metadata.SequenceNr != checkpoint.SequenceNr)
                return;
            // The consumers did persist; the next checkpoint snapshots the bucket again.
            _log.Error(failure.Cause, "snapshot of {0} failed", PersistenceId);
            _checkpoint = null;
            checkpoint.Requester?.Tell(new Status.Failure(failure.Cause));
            Stash.UnstashAll();
        });
        Command<Status.Failure>(failure => Retry(failure.Cause));
        Command<DeleteMessagesSuccess>(_ => { });
        Command<DeleteMessagesFailure>(failure => _log.Warning("{0} could not drop its journal before the snapshot: {1}", PersistenceId, failure.Cause.Message));
        // Hand-off and shutdown: at once, even mid-delivery (waiting could hold the hand-off past its
        // timeout, when the consumers are being handed off too). The journal holds every request
        // taken and the successor delivers everything since the snapshot again; requests not
        // answered are refused, so their stages send them to the successor without waiting.
        Command<StopEntity>(_ =>
        {
            var refusal = new Status.Failure(new InvalidOperationException($"{PersistenceId} was handed off; send the request again"));
            _work?.Requester?.Tell(refusal);
            _checkpoint?.Requester?.Tell(refusal);
            foreach (var waiting in Stash.ClearStash())
                if (waiting.Message is AssembleRecords or FlushPendingPosts or PersistCheckpoint)
                    waiting.Sender.Tell(refusal);
            Context.Stop(Self);
        });
        Command<GetAssemblerStatus>(_ => Sender.Tell(
            new AssemblerStatus(_bucket.Id, _bucket.Sequence, _bucket.PendingCount, _bucket.RememberedCount, _bucket.Clock)));
    }

    public override string PersistenceId { get; }

    public static Props Props(int bucket, AssemblySettings settings, IChangeDelivery delivery) =>
        Akka.Actor.Props.Create(() => new PostAssembler(bucket, settings, delivery));

    private List<PostChange> Accept(AssembleRecords request)
    {
        var changes = new List<PostChange>();
        foreach (var record in request.Records)
            changes.AddRange(_bucket.Accept(record.Record, record.Position));
        return changes;
    }

    /// <summary>Stashes the current request while a delivery runs (a checkpoint does not hold requests up).</summary>
    private bool Busy()
    {
        if (_work is not null)
            Stash.Stash();
        return _work is not null;
    }

    private void Emit(IReadOnlyList<PostChange> changes)
    {
        _sinceSnapshot.AddRange(changes);
        if (changes.Count == 0)
            Sender.Tell(Assembled(0));
        else
            Start(new Work(WorkKind.Assembly, Sender, changes.Count), changes, fromSnapshot: false);
    }

    /// <summary>Delivers <paramref name="changes"/>; each delivery names the last change this consumer
    /// got since the checkpoint before the running one, unless everything since the snapshot is being
    /// delivered again (<paramref name="fromSnapshot"/>).</summary>
    private void Start(Work work, IReadOnlyList<PostChange> changes, bool fromSnapshot)
    {
        _work = work;
        var deliveries = _delivery.Route(changes)
            .Select(routed =>
            {
                long? follows = fromSnapshot ? null : LastDelivered(routed.Key);
                _delivered[routed.Key] = routed.Value[^1].Sequence;
                return KeyValuePair.Create(routed.Key, new ApplyPostChanges(_bucket.Id, routed.Value, follows));
            })
            .ToList();
        _delivery.DeliverAsync(deliveries).PipeTo(Self, success: boards => new Delivered(boards));
    }

    private long? LastDelivered(ChangeRecipient recipient) =>
        _delivered.TryGetValue(recipient, out var last) ? last
        : _checkpoint is not null && _checkpoint.Confirming.TryGetValue(recipient, out var confirming) ? confirming
        : null;

    /// <summary>Has every consumer and board delivered to since the last checkpoint confirm and persist,
    /// while new requests go on; the bucket's own snapshot is taken now, saved once they did.</summary>
    private void BeginCheckpoint(IActorRef? requester, bool retried)
    {
        var checkpoint = new Checkpoint(++_checkpoints, requester, LastSequenceNr, SnapshotJson.Serialize(_bucket.ToSnapshot()), _sinceSnapshot.Count, _delivered, _boards, retried);
        _checkpoint = checkpoint;
        _delivered = [];
        _boards = [];
        _delivery.ConfirmAsync(_bucket.Id, checkpoint.Confirming, checkpoint.Boards.ToList())
            .PipeTo(Self, success: () => new Confirmed(checkpoint.Id), failure: cause => new CheckpointFailed(checkpoint.Id, cause));
    }

    /// <summary>A checkpoint found a consumer lacking changes: delivers everything since the snapshot
    /// again (new requests wait), then begins the checkpoint anew, once.</summary>
    private void RedeliverForCheckpoint()
    {
        var checkpoint = _checkpoint!;
        _log.Info("{0} delivers its {1} changes since the last checkpoint again: {2}", PersistenceId, _sinceSnapshot.Count, checkpoint.Failure!.Message);
        _checkpoint = null;
        _boards.UnionWith(checkpoint.Boards);
        _delivered.Clear();
        Start(new Work(WorkKind.CheckpointRedelivery, checkpoint.Requester, 0, Retried: true), _sinceSnapshot.ToList(), fromSnapshot: true);
    }

    /// <summary>Delivers every change since the snapshot again, once per piece of work; a second
    /// failure fails the request and restarts the bucket. A checkpoint still confirming fails: the
    /// redelivery covers what it would have confirmed, and its stage asks again.</summary>
    private void Retry(Exception cause)
    {
        var work = _work!;
        if (work.Retried)
        {
            _log.Warning("{0} restarts: {1}", PersistenceId, cause.Message);
            work.Requester?.Tell(new Status.Failure(cause));
            _checkpoint?.Requester?.Tell(new Status.Failure(cause));
            throw new ChangesUndeliveredException(PersistenceId, cause);
        }
        _log.Info("{0} delivers its {1} changes since the last checkpoint again: {2}", PersistenceId, _sinceSnapshot.Count, cause.Message);
        if (_checkpoint is { Saving: false } checkpoint)
        {
            checkpoint.Requester?.Tell(new Status.Failure(new InvalidOperationException($"{PersistenceId} delivers its changes again; checkpoint again", cause)));
            _boards.UnionWith(checkpoint.Boards);
            _checkpoint = null;
        }
        _delivered.Clear();
        Start(work with { Retried = true }, _sinceSnapshot.ToList(), fromSnapshot: true);
    }

    private PostsAssembled Assembled(int changes) => new(_bucket.Id, changes, _bucket.PendingCount);

    private enum WorkKind
    {
        Assembly,
        Redelivery,
        CheckpointRedelivery,
    }

    /// <summary>The delivery the bucket is busy with, for whom, and whether it already delivered everything again.</summary>
    private sealed record Work(WorkKind Kind, IActorRef? Requester, int Changes, bool Retried = false);

    /// <summary>A checkpoint in progress: the bucket's journal position and state when it began, how
    /// many changes since the snapshot it covers, and the consumers and boards it confirms.</summary>
    private sealed record Checkpoint(
        int Id,
        IActorRef? Requester,
        long SequenceNr,
        byte[] Snapshot,
        int Covered,
        Dictionary<ChangeRecipient, long> Confirming,
        HashSet<ChangeRecipient> Boards,
        bool Retried,
        bool Saving = false,
        Exception? Failure = null);

    private sealed record Delivered(IReadOnlyList<ChangeRecipient> Boards);

    private sealed record Confirmed(int Checkpoint);

    private sealed record CheckpointFailed(int Checkpoint, Exception Cause);
}

/// <summary>Thrown to restart a bucket whose changes may not all have reached their consumers.</summary>
public sealed class ChangesUndeliveredException(string persistenceId, Exception cause)
    : Exception($"{persistenceId}: changes not delivered", cause);
