namespace Pipeline.Actors.Records;

/// <summary>Why a whole record could not be cleaned. The wire names are the snake_case codes.</summary>
public enum QuarantineReason
{
    MalformedJson,
    NotAnObject,
    MissingIndex,
    InvalidIndex,
    TooLarge,
}

/// <summary>
/// What cleaning made of one raw record: either a clean record (with the field-level problems that
/// were nulled on the way) or a quarantined one. Cleaning is total: every raw record yields exactly
/// one of these, and both keep the source position so the element can still be committed.
/// </summary>
public abstract record Cleaned(Table Table, SourcePosition Position);

/// <param name="Issues">Field-level problems found and nulled, e.g. <c>pin.title: placeholder</c>.</param>
public sealed record CleanedRecord(ICleanRecord Record, IReadOnlyList<FieldIssue> Issues, SourcePosition Position)
    : Cleaned(Record.Table, Position);

/// <param name="RawText">The record exactly as received (UTF-8 decoded, possibly truncated only
/// when it was too large).</param>
public sealed record QuarantinedRecord(Table Table, QuarantineReason Reason, string Detail, string RawText, SourcePosition Position)
    : Cleaned(Table, Position);

/// <summary>A field that cleaning nulled or could not interpret; counted by <see cref="Reason"/>.</summary>
public readonly record struct FieldIssue(string Field, string Reason);
