namespace Pipeline.Actors.Cleaning;

/// <summary>The poster's display name, built from the user record's first and last names.</summary>
public static class UserName
{
    /// <summary>
    /// <c>first + " " + last</c> after cleaning each; when only one is present, that one; when
    /// neither is, null and <see cref="FieldIssueReasons.Missing"/>.
    /// </summary>
    public static string? Join(string? firstName, string? lastName, out string? issue)
    {
        var first = TextField.Clean(firstName);
        var last = TextField.Clean(lastName);
        issue = first is null && last is null ? FieldIssueReasons.Missing : null;
        return (first, last) switch
        {
            (not null, not null) => string.Concat(first, " ", last),
            (not null, null) => first,
            _ => last,
        };
    }
}
