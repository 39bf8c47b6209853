using Akka.Actor;
using Pipeline.Actors.Assembly;

namespace Pipeline.Actors.Checkpoints;

/// <summary>
/// A checkpointed entity fed by the assembler buckets (profiles, categories, cohorts). It applies
/// each bucket's changes in that bucket's order, ignores the ones it applied before, and refuses a
/// delivery or a confirmation that shows it lost changes (<see cref="ChangesMissing"/>): after an
/// abrupt stop it restarts from its last snapshot, and the bucket then delivers again everything
/// since its own last checkpoint.
/// </summary>
public abstract class PostChangeConsumer<TSnapshot> : CheckpointedEntity<TSnapshot>
{
    protected PostChangeConsumer(string persistenceId, IdleSweep idle)
        : base(persistenceId, idle)
    {
    }

    protected sealed override bool OnEntityCommand(object message)
    {
        switch (message)
        {
            case ApplyPostChanges request:
                OnApply(request);
                return true;
            case ConfirmChanges request:
                if (Applied.Highest(request.Bucket) < request.Through)
                    Sender.Tell(new ChangesMissing(PersistenceId, request.Bucket, Applied.Highest(request.Bucket)));
                else
                    OnPersistCheckpoint();
                return true;
            default:
                return OnQuery(message);
        }
    }

    /// <summary>Answers a query of the entity's own; false when it has none of that type.</summary>
    protected abstract bool OnQuery(object message);

    private void OnApply(ApplyPostChanges request)
    {
        if (request.Follows is { } follows && Applied.Highest(request.Bucket) < follows)
        {
            Sender.Tell(new ChangesMissing(PersistenceId, request.Bucket, Applied.Highest(request.Bucket)));
            return;
        }
        foreach (var change in request.Changes)
            if (Apply(change))
                MarkChanged();
        Sender.Tell(Report(request.Changes));
    }

    /// <summary>What the entity applied, per bucket.</summary>
    protected abstract AppliedChanges Applied { get; }

    /// <summary>Applies <paramref name="change"/> unless it was applied before; true when applied.</summary>
    protected abstract bool Apply(PostChange change);

    /// <summary>The answer to a delivery (also when every change in it was a replay).</summary>
    protected abstract object Report(IReadOnlyList<PostChange> changes);
}
