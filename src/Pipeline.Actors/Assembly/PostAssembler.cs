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
/// after confirming it holds those changes; then the bucket snapshots and drops the journal before
/// it. The changes since the snapshot are the ones not yet known to be durable everywhere.</item>
/// <item>When a consumer lacks changes (it stopped abruptly and came back from an older snapshot) or
/// does not answer in time, the bucket delivers every change since its snapshot again, in order
/// (consumers ignore what they hold), and carries on. If that fails too, the request fails and the
/// bucket restarts, which recovers and delivers the same again.</item>
/// </list>
/// It never passivates: pending posts wait on its clock.
/// </summary>
public sealed class PostAssembler : ReceivePersistentActor
{
    private readonly AssemblySettings _settings;
    private readonly IChangeDelivery _delivery;
    private readonly ILoggingAdapter _log = Context.GetLogger();
    private readonly List<PostChange> _sinceSnapshot = [];
    private readonly Dictionary<ChangeRecipient, long> _delivered = [];
    private readonly HashSet<ChangeRecipient> _boards = [];
    private AssemblyBucket _bucket;
    private long _snapshotSequenceNr;
    private Work? _work;

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
                Start(new Work(WorkKind.Redelivery, null, 0), _sinceSnapshot.ToList());
        });

        Command<AssembleRecords>(request =>
        {
            if (Waiting())
                return;
            var fresh = request.Records.Where(record => _bucket.IsNew(record.Position)).ToList();
            if (fresh.Count == 0)
                Sender.Tell(Assembled(0));
            else
                Persist(new AssembleRecords(fresh), persisted => Emit(Accept(persisted)));
        });
        Command<FlushPendingPosts>(flush =>
        {
            if (Waiting())
                return;
            if (_bucket.PendingCount == 0)
                Sender.Tell(Assembled(0));
            else
                Persist(flush, _ => Emit(_bucket.Flush()));
        });
        Command<PersistCheckpoint>(_ =>
        {
            if (Waiting())
                return;
            if (LastSequenceNr == _snapshotSequenceNr && _delivered.Count == 0 && _boards.Count == 0)
                Sender.Tell(new CheckpointPersisted(PersistenceId));
            else
                Confirm(new Work(WorkKind.Checkpoint, Sender, 0));
        });
        Command<Delivered>(delivered =>
        {
            _boards.UnionWith(delivered.Boards);
            if (_work!.Kind == WorkKind.Checkpoint)
                Confirm(_work);
            else
                Finish(Assembled(_work.Changes));
        });
        Command<Confirmed>(_ => SaveSnapshot(SnapshotJson.Serialize(_bucket.ToSnapshot())));
        Command<SaveSnapshotSuccess>(saved =>
        {
            _snapshotSequenceNr = saved.Metadata.SequenceNr;
            _sinceSnapshot.Clear();
            _delivered.Clear();
            _boards.Clear();
            DeleteMessages(saved.Metadata.SequenceNr);
            Finish(new CheckpointPersisted(PersistenceId));
        });
        Command<SaveSnapshotFailure>(failure =>
        {
            _log.Error(failure.Cause, "snapshot of {0} failed", PersistenceId);
            Finish(new Status.Failure(failure.Cause));
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

    /// <summary>Stashes the current request while other work runs.</summary>
    private bool Waiting()
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
            Start(new Work(WorkKind.Assembly, Sender, changes.Count), changes);
    }

    private void Start(Work work, IReadOnlyList<PostChange> changes)
    {
        _work = work;
        var deliveries = _delivery.Route(changes)
            .Select(routed =>
            {
                long? follows = _delivered.TryGetValue(routed.Key, out var last) ? last : null;
                _delivered[routed.Key] = routed.Value[^1].Sequence;
                return KeyValuePair.Create(routed.Key, new ApplyPostChanges(_bucket.Id, routed.Value, follows));
            })
            .ToList();
        _delivery.DeliverAsync(deliveries).PipeTo(Self, success: boards => new Delivered(boards));
    }

    private void Confirm(Work work)
    {
        _work = work;
        _delivery.ConfirmAsync(_bucket.Id, new Dictionary<ChangeRecipient, long>(_delivered), _boards.ToList())
            .PipeTo(Self, success: () => Confirmed.Instance);
    }

    /// <summary>Delivers every change since the snapshot again, once per piece of work; a second
    /// failure fails the request and restarts the bucket.</summary>
    private void Retry(Exception cause)
    {
        var work = _work!;
        if (work.Retried)
        {
            _log.Warning("{0} restarts: {1}", PersistenceId, cause.Message);
            work.Requester?.Tell(new Status.Failure(cause));
            throw new ChangesUndeliveredException(PersistenceId, cause);
        }
        _log.Info("{0} delivers its {1} changes since the last checkpoint again: {2}", PersistenceId, _sinceSnapshot.Count, cause.Message);
        _delivered.Clear();
        Start(work with { Retried = true }, _sinceSnapshot.ToList());
    }

    private void Finish(object reply)
    {
        _work!.Requester?.Tell(reply);
        _work = null;
        Stash.UnstashAll();
    }

    private PostsAssembled Assembled(int changes) => new(_bucket.Id, changes, _bucket.PendingCount);

    private enum WorkKind
    {
        Assembly,
        Checkpoint,
        Redelivery,
    }

    /// <summary>What the bucket is busy with, for whom, and whether it already delivered everything again.</summary>
    private sealed record Work(WorkKind Kind, IActorRef? Requester, int Changes, bool Retried = false);

    private sealed record Delivered(IReadOnlyList<ChangeRecipient> Boards);

    private sealed record Confirmed
    {
        public static readonly Confirmed Instance = new();
    }
}

/// <summary>Thrown to restart a bucket whose changes may not all have reached their consumers.</summary>
public sealed class ChangesUndeliveredException(string persistenceId, Exception cause)
    : Exception($"{persistenceId}: changes not delivered", cause);
