namespace Pipeline.Actors.Records;

public static class QuarantineReasonCodes
{
    /// <summary>The snake_case wire code of a quarantine reason, e.g. <c>malformed_json</c>.</summary>
    public static string Code(this QuarantineReason reason) => reason switch
    {
        QuarantineReason.MalformedJson => "malformed_json",
        QuarantineReason.NotAnObject => "not_an_object",
        QuarantineReason.MissingIndex => "missing_index",
        QuarantineReason.InvalidIndex => "invalid_index",
        QuarantineReason.TooLarge => "too_large",
        _ => throw new ArgumentOutOfRangeException(nameof(reason), reason, null),
    };
}
