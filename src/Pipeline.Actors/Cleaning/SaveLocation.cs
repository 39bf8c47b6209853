namespace Pipeline.Actors.Cleaning;

/// <summary>Where the scraper saved the pin, sent as <c>Local save in /data/&lt;category&gt;</c>.</summary>
public static class SaveLocation
{
    public const string Prefix = "Local save in ";

    /// <summary>The path without the <see cref="Prefix"/>; text without the prefix is kept as it is.</summary>
    public static string? Clean(string? text, out string? issue)
    {
        var cleaned = TextField.Clean(text, out issue);
        if (cleaned is null || !cleaned.StartsWith(Prefix, StringComparison.Ordinal))
        {
            return cleaned;
        }

        return TextField.Clean(cleaned[Prefix.Length..], out issue);
    }
}
