using Akka.Actor;
using Pipeline.Actors.Assembly;
using Pipeline.Actors.Checkpoints;

namespace Pipeline.Actors.Cohorts;

/// <summary>The sharded entity of one cohort (entity id: its <see cref="CohortKeys"/> key).</summary>
public sealed class CohortEntity : PostChangeConsumer<CohortSnapshot>
{
    private CohortState _state;

    public CohortEntity(string key, TimeSpan passivateAfter)
        : base("cohort-" + key, passivateAfter)
    {
        _state = new CohortState(key);
        Command<GetCohortSummary>(_ => Sender.Tell(_state.Summary()));
    }

    public static Props Props(string key, TimeSpan passivateAfter) =>
        Akka.Actor.Props.Create(() => new CohortEntity(key, passivateAfter));

    protected override AppliedChanges Applied => _state.Applied;

    protected override bool Apply(PostChange change) => _state.Apply(change);

    protected override object Report(IReadOnlyList<PostChange> changes) => new CohortChangesApplied(_state.Key);

    protected override CohortSnapshot ToSnapshot() => _state.ToSnapshot();

    protected override void Restore(CohortSnapshot snapshot) => _state = CohortState.FromSnapshot(snapshot);
}
