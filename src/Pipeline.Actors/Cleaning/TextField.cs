namespace Pipeline.Actors.Cleaning;

/// <summary>
/// The rule every string field goes through before any field-specific rule: trim white space at
/// both ends (<see cref="char.IsWhiteSpace(char)"/>, which includes the no-break space U+00A0 the
/// scraped descriptions end with); an empty result is null.
/// </summary>
public static class TextField
{
    public static string? Clean(string? text) => Clean(text, out _);

    /// <summary>
    /// The cleaned text, or null with <paramref name="issue"/> saying why:
    /// <see cref="FieldIssueReasons.Missing"/> for no text, <see cref="FieldIssueReasons.Empty"/> for
    /// white space only.
    /// </summary>
    public static string? Clean(string? text, out string? issue)
    {
        if (text is null)
        {
            issue = FieldIssueReasons.Missing;
            return null;
        }

        var trimmed = Trim(text, out issue);
        return issue is not null ? null : trimmed.Length == text.Length ? text : trimmed.ToString();
    }

    /// <summary>The cleaned text of a value that is present.</summary>
    public static string? Clean(ReadOnlySpan<char> text, out string? issue)
    {
        var trimmed = Trim(text, out issue);
        return issue is null ? trimmed.ToString() : null;
    }

    /// <summary>The text without its surrounding white space; <see cref="FieldIssueReasons.Empty"/> when nothing is left.</summary>
    public static ReadOnlySpan<char> Trim(ReadOnlySpan<char> text, out string? issue)
    {
        var trimmed = text.Trim();
        issue = trimmed.IsEmpty ? FieldIssueReasons.Empty : null;
        return trimmed;
    }
}
