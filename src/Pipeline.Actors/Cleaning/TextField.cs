namespace Pipeline.Actors.Cleaning;

/// <summary>The rule every string field goes through before any field-specific rule.</summary>
public static class TextField
{
    /// <summary>
    /// Trims white space at both ends (<see cref="char.IsWhiteSpace(char)"/>, which includes the
    /// no-break space U+00A0 the scraped descriptions end with); an empty result is null.
    /// </summary>
    public static string? Clean(string? text)
    {
        if (text is null)
        {
            return null;
        }

        var trimmed = text.AsSpan().Trim();
        if (trimmed.IsEmpty)
        {
            return null;
        }

        return trimmed.Length == text.Length ? text : trimmed.ToString();
    }

    /// <summary>
    /// <see cref="Clean(string?)"/> that also says why the field ended up null:
    /// <see cref="FieldIssueReasons.Missing"/> for no text, <see cref="FieldIssueReasons.Empty"/> for
    /// white space only.
    /// </summary>
    public static string? Clean(string? text, out string? issue)
    {
        var cleaned = Clean(text);
        issue = cleaned is not null ? null : text is null ? FieldIssueReasons.Missing : FieldIssueReasons.Empty;
        return cleaned;
    }
}
