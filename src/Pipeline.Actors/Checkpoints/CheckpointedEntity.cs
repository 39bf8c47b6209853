using Akka.Actor;
using Akka.Cluster.Sharding;
using Akka.Event;
using Akka.Persistence;

namespace Pipeline.Actors.Checkpoints;

/// <summary>
/// A sharded entity whose state becomes durable only at checkpoints: it applies changes in memory,
/// and on <see cref="PersistCheckpoint"/> saves one snapshot of its whole state (replacing the
/// previous one), then replies. Nothing is written per change. It recovers from that snapshot.
/// When idle for the passivation timeout (told by <see cref="IdleSweep"/>) it asks its shard to
/// passivate it; the shard's stop message (<see cref="StopEntity"/>) saves whatever changed
/// meanwhile before the entity stops, so passivation never loses state. Saves run one at a time, so
/// an older snapshot can never overwrite a newer one.
/// <para>An untyped persistent actor (one switch on the message type) rather than a receive-builder
/// one: hundreds of thousands of these run at once, and a receive-builder actor builds its handler
/// tables per instance, which costs memory and start time for each.</para>
/// </summary>
public abstract class CheckpointedEntity<TSnapshot> : UntypedPersistentActor, IIdleEntity
{
    private readonly IdleSweep _idle;
    private readonly List<IActorRef> _awaitingCurrentSave = [];
    private readonly List<IActorRef> _awaitingNextSave = [];
    private bool _dirty;
    private bool _saving;
    private bool _stopWhenSaved;
    private long _lastActive;
    private IActorRef _self = ActorRefs.Nobody;

    protected CheckpointedEntity(string persistenceId, IdleSweep idle)
    {
        PersistenceId = persistenceId;
        // Never an event: recovery reads the snapshot only.
        JournalPluginId = SnapshotOnlyJournal.PluginId;
        _idle = idle;
    }

    public override string PersistenceId { get; }

    long IIdleEntity.LastActive => Volatile.Read(ref _lastActive);

    IActorRef IIdleEntity.Ref => _self;

    protected override void PreStart()
    {
        _self = Self;
        Volatile.Write(ref _lastActive, _idle.Now);
        _idle.Add(this);
        base.PreStart();
    }

    protected override void PostStop()
    {
        _idle.Remove(this);
        base.PostStop();
    }

    protected sealed override void OnRecover(object message)
    {
        if (message is SnapshotOffer offer)
            Restore(SnapshotJson.Deserialize<TSnapshot>((byte[])offer.Snapshot));
    }

    protected sealed override void OnCommand(object message)
    {
        if (message is IdleCheck)
        {
            // Asked again at each sweep while idle: the shard ignores a repeated request, and refuses
            // one while it holds messages for the entity.
            if (_idle.IsIdle(Volatile.Read(ref _lastActive)))
                Context.Parent.Tell(new Passivate(StopEntity.Instance));
            return;
        }
        Volatile.Write(ref _lastActive, _idle.Now);
        switch (message)
        {
            case PersistCheckpoint:
                OnPersistCheckpoint();
                break;
            case SaveSnapshotSuccess:
                OnSaved();
                break;
            case SaveSnapshotFailure failure:
                OnSaveFailed(failure.Cause);
                break;
            case StopEntity:
                OnStop();
                break;
            default:
                if (!OnEntityCommand(message))
                    Unhandled(message);
                break;
        }
    }

    /// <summary>Handles a message of the entity's own; false when it has none of that type.</summary>
    protected abstract bool OnEntityCommand(object message);

    /// <summary>Marks the state as changed since the last snapshot.</summary>
    protected void MarkChanged() => _dirty = true;

    protected abstract TSnapshot ToSnapshot();

    protected abstract void Restore(TSnapshot snapshot);

    /// <summary>Saves unsaved changes, then answers the current sender <see cref="CheckpointPersisted"/>.</summary>
    protected void OnPersistCheckpoint()
    {
        if (!_dirty && !_saving)
            Sender.Tell(new CheckpointPersisted(PersistenceId));
        else if (_saving)
            (_dirty ? _awaitingNextSave : _awaitingCurrentSave).Add(Sender);
        else
        {
            _awaitingCurrentSave.Add(Sender);
            StartSave();
        }
    }

    private void StartSave()
    {
        _saving = true;
        _dirty = false;
        SaveSnapshot(SnapshotJson.Serialize(ToSnapshot()));
    }

    private void OnSaved()
    {
        _saving = false;
        Reply(_awaitingCurrentSave, new CheckpointPersisted(PersistenceId));
        if (_dirty && (_awaitingNextSave.Count > 0 || _stopWhenSaved))
        {
            _awaitingCurrentSave.AddRange(_awaitingNextSave);
            _awaitingNextSave.Clear();
            StartSave();
            return;
        }
        Reply(_awaitingNextSave, new CheckpointPersisted(PersistenceId));
        if (_stopWhenSaved && !_dirty)
            Context.Stop(Self);
    }

    private void OnSaveFailed(Exception cause)
    {
        Log.Error(cause, "snapshot of {0} failed", PersistenceId);
        _saving = false;
        _dirty = true;
        var failure = new Status.Failure(cause);
        Reply(_awaitingCurrentSave, failure);
        Reply(_awaitingNextSave, failure);
    }

    private void OnStop()
    {
        if (!_dirty && !_saving)
        {
            Context.Stop(Self);
            return;
        }
        _stopWhenSaved = true;
        if (!_saving)
            StartSave();
    }

    private static void Reply(List<IActorRef> requesters, object reply)
    {
        foreach (var requester in requesters)
            requester.Tell(reply);
        requesters.Clear();
    }
}
