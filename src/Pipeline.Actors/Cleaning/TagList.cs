namespace Pipeline.Actors.Cleaning;

/// <summary>The pin's tags, sent as one comma-separated string.</summary>
public static class TagList
{
    /// <summary>
    /// The tags, each trimmed, empty ones dropped; null with <paramref name="issue"/> when the field
    /// is missing, the "no tags" placeholder, or holds no tag at all.
    /// </summary>
    public static IReadOnlyList<string>? Parse(string? text, out string? issue)
    {
        var cleaned = TextField.Clean(text, out issue);
        if (cleaned is null)
        {
            return null;
        }

        if (Placeholders.IsPlaceholder("tag_list", cleaned))
        {
            issue = FieldIssueReasons.Placeholder;
            return null;
        }

        var tags = cleaned.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        if (tags.Length == 0)
        {
            issue = FieldIssueReasons.Empty;
            return null;
        }

        return tags;
    }
}
