using Akka.Actor;
using Pipeline.Actors.Assembly;
using Pipeline.Actors.Checkpoints;
using Pipeline.Actors.Live;

namespace Pipeline.Actors.Cohorts;

/// <summary>The sharded entity of one cohort (entity id: its <see cref="CohortKeys"/> key).</summary>
public sealed class CohortEntity : PostChangeConsumer<CohortSnapshot>
{
    private CohortState _state;

    public CohortEntity(string key, IdleSweep idle)
        : base("cohort-" + key, idle)
    {
        _state = new CohortState(key);
    }

    public static Props Props(string key, IdleSweep idle) =>
        EntityMailbox.EntityProps<CohortEntity>(key, idle);

    protected override bool OnQuery(object message)
    {
        if (message is not GetCohortSummary)
            return false;
        Sender.Tell(_state.Summary());
        return true;
    }

    protected override AppliedChanges Applied => _state.Applied;

    protected override bool Apply(PostChange change) => _state.Apply(change);

    protected override object Report(IReadOnlyList<PostChange> changes) => new CohortChangesApplied(_state.Key);

    protected override CohortSnapshot ToSnapshot() => _state.ToSnapshot();

    protected override void Restore(CohortSnapshot snapshot) => _state = CohortState.FromSnapshot(snapshot);
}
