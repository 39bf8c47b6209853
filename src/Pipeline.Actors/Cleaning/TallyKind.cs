namespace Pipeline.Actors.Cleaning;

/// <summary>What a <see cref="TallyLine"/> counts.</summary>
public enum TallyKind
{
    Clean,
    Quarantined,
    FieldIssue,
}
