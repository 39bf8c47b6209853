using System.Text;

namespace Pipeline.Actors.Cleaning;

/// <summary>
/// The placeholders of one pin field (<see cref="Placeholders"/>), and <see cref="TextField"/>'s rule
/// followed by nulling them. Each field reader holds its own, so no field name is looked up per value.
/// </summary>
internal sealed class FieldPlaceholders(params string[] placeholders)
{
    public static readonly FieldPlaceholders None = new();

    /// <summary>Whether the trimmed text is one of the placeholders.</summary>
    public bool Matches(ReadOnlySpan<char> trimmed)
    {
        foreach (var placeholder in placeholders)
        {
            if (trimmed.SequenceEqual(placeholder))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Whether the trimmed ASCII text (<see cref="AsciiText"/>) is one of the placeholders.</summary>
    public bool Matches(ReadOnlySpan<byte> trimmed)
    {
        foreach (var placeholder in placeholders)
        {
            if (Ascii.Equals(trimmed, placeholder))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The cleaned text, or null with <paramref name="issue"/> saying why.</summary>
    public string? Clean(ReadOnlySpan<char> text, out string? issue)
    {
        var trimmed = TextField.Trim(text, out issue);
        if (issue is not null)
        {
            return null;
        }

        if (Matches(trimmed))
        {
            issue = FieldIssueReasons.Placeholder;
            return null;
        }

        return trimmed.ToString();
    }

    /// <inheritdoc cref="Clean(ReadOnlySpan{char}, out string?)"/>
    public string? Clean(ReadOnlySpan<byte> ascii, out string? issue)
    {
        var trimmed = AsciiText.Trim(ascii, out issue);
        if (issue is not null)
        {
            return null;
        }

        if (Matches(trimmed))
        {
            issue = FieldIssueReasons.Placeholder;
            return null;
        }

        return AsciiText.ToString(trimmed);
    }
}
