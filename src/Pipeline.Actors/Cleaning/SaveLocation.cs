namespace Pipeline.Actors.Cleaning;

/// <summary>Where the scraper saved the pin, sent as <c>Local save in /data/&lt;category&gt;</c>.</summary>
public static class SaveLocation
{
    public const string Prefix = "Local save in ";

    /// <summary>The path without the <see cref="Prefix"/>; text without the prefix is kept as it is.</summary>
    public static string? Clean(string? text, out string? issue)
    {
        if (text is null)
        {
            issue = FieldIssueReasons.Missing;
            return null;
        }

        return Clean(text.AsSpan(), out issue);
    }

    /// <inheritdoc cref="Clean(string?, out string?)"/>
    public static string? Clean(ReadOnlySpan<char> text, out string? issue)
    {
        var trimmed = TextField.Trim(text, out issue);
        if (trimmed.StartsWith(Prefix, StringComparison.Ordinal))
        {
            trimmed = TextField.Trim(trimmed[Prefix.Length..], out issue);
        }

        return issue is null ? trimmed.ToString() : null;
    }
}
