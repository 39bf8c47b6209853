using System.Text;

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
        var path = Path(text, out issue);
        return issue is null ? path.ToString() : null;
    }

    /// <summary>The same from a value that repeats, one string per distinct path.</summary>
    internal static string? Clean(ReadOnlySpan<char> text, RepeatedText known, out string? issue)
    {
        var path = Path(text, out issue);
        return issue is null ? known.Get(path) : null;
    }

    /// <inheritdoc cref="Clean(ReadOnlySpan{char}, RepeatedText, out string?)"/>
    internal static string? Clean(ReadOnlySpan<byte> ascii, RepeatedText known, out string? issue)
    {
        var trimmed = AsciiText.Trim(ascii, out issue);
        var words = Prefix.AsSpan()[..^1];
        if (trimmed.Length >= words.Length && Ascii.Equals(trimmed[..words.Length], words)
            && (trimmed.Length == words.Length || char.IsWhiteSpace((char)trimmed[words.Length])))
        {
            trimmed = AsciiText.Trim(trimmed[words.Length..], out issue);
        }

        return issue is null ? known.Get(trimmed) : null;
    }

    /// <summary>The text <see cref="Clean(ReadOnlySpan{char}, out string?)"/> keeps, when <paramref name="issue"/> is null.</summary>
    private static ReadOnlySpan<char> Path(ReadOnlySpan<char> text, out string? issue)
    {
        var trimmed = TextField.Trim(text, out issue);
        if (HasPrefix(trimmed))
        {
            trimmed = TextField.Trim(trimmed[(Prefix.Length - 1)..], out issue);
        }

        return trimmed;
    }

    /// <summary>
    /// The prefix's last character is white space, so after trimming "Local save in " stands alone
    /// as "Local save in": that is the prefix too, with an empty path after it.
    /// </summary>
    private static bool HasPrefix(ReadOnlySpan<char> trimmed)
    {
        var words = Prefix.AsSpan()[..^1];
        return trimmed.StartsWith(words, StringComparison.Ordinal)
            && (trimmed.Length == words.Length || char.IsWhiteSpace(trimmed[words.Length]));
    }
}
