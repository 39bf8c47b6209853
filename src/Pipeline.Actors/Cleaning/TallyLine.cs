using Pipeline.Actors.Records;

namespace Pipeline.Actors.Cleaning;

/// <summary>
/// One count of a <see cref="CleaningTally"/>; its text is the summary line, e.g.
/// <c>pin clean 4034</c>, <c>pin quarantined malformed_json 2</c>, <c>pin title placeholder 35</c>.
/// </summary>
public sealed record TallyLine(Table Table, TallyKind Kind, string? Field, string? Reason, long Count)
{
    public override string ToString() => Kind switch
    {
        TallyKind.Clean => $"{Table.Name()} clean {Count}",
        TallyKind.Quarantined => $"{Table.Name()} quarantined {Reason} {Count}",
        _ => $"{Table.Name()} {Field} {Reason} {Count}",
    };
}
