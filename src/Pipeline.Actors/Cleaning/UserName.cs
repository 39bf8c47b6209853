namespace Pipeline.Actors.Cleaning;

/// <summary>The poster's display name, built from the user record's first and last names.</summary>
public static class UserName
{
    /// <summary>
    /// <c>first + " " + last</c> after cleaning each; when only one is present, that one; when
    /// neither is, null and <see cref="FieldIssueReasons.Missing"/>.
    /// </summary>
    public static string? Join(string? firstName, string? lastName, out string? issue) =>
        Join(TextField.Clean(firstName).AsSpan(), TextField.Clean(lastName).AsSpan(), out issue);

    /// <summary>The same from names already cleaned, empty standing for a name that is not there.</summary>
    internal static string? Join(ReadOnlySpan<char> first, ReadOnlySpan<char> last, out string? issue)
    {
        issue = first.IsEmpty && last.IsEmpty ? FieldIssueReasons.Missing : null;
        return (first.IsEmpty, last.IsEmpty) switch
        {
            (false, false) => string.Concat(first, " ", last),
            (false, true) => first.ToString(),
            (true, false) => last.ToString(),
            _ => null,
        };
    }
}
