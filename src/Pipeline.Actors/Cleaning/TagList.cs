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
        if (text is null)
        {
            issue = FieldIssueReasons.Missing;
            return null;
        }

        return Parse(text.AsSpan(), out issue);
    }

    /// <inheritdoc cref="Parse(string?, out string?)"/>
    public static IReadOnlyList<string>? Parse(ReadOnlySpan<char> text, out string? issue)
    {
        var trimmed = TextField.Trim(text, out issue);
        if (issue is not null)
        {
            return null;
        }

        if (Placeholders.IsPlaceholder("tag_list", trimmed))
        {
            issue = FieldIssueReasons.Placeholder;
            return null;
        }

        var tags = new string[trimmed.Count(',') + 1];
        var count = 0;
        foreach (var range in trimmed.Split(','))
        {
            var tag = trimmed[range].Trim();
            if (!tag.IsEmpty)
            {
                tags[count++] = tag.ToString();
            }
        }

        if (count == 0)
        {
            issue = FieldIssueReasons.Empty;
            return null;
        }

        return count == tags.Length ? tags : tags[..count];
    }
}
