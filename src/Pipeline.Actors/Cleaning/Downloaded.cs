namespace Pipeline.Actors.Cleaning;

/// <summary>Whether the scraper downloaded the pin's media: sent as 1 or 0.</summary>
public static class Downloaded
{
    /// <summary>1 is true and 0 is false; anything else is null and <see cref="FieldIssueReasons.Unparseable"/>.</summary>
    public static bool? FromNumber(long value, out string? issue)
    {
        issue = value is 0 or 1 ? null : FieldIssueReasons.Unparseable;
        return value switch
        {
            1 => true,
            0 => false,
            _ => null,
        };
    }

    /// <summary>The flag sent as text: <c>1</c>/<c>0</c> (also <c>1.0</c>) or <c>true</c>/<c>false</c>.</summary>
    public static bool? Parse(string? text, out string? issue)
    {
        if (text is null)
        {
            issue = FieldIssueReasons.Missing;
            return null;
        }

        return Parse(text.AsSpan(), out issue);
    }

    /// <inheritdoc cref="Parse(string?, out string?)"/>
    public static bool? Parse(ReadOnlySpan<char> text, out string? issue)
    {
        var cleaned = TextField.Trim(text, out issue);
        if (issue is not null)
        {
            return null;
        }

        if (bool.TryParse(cleaned, out var flag))
        {
            return flag;
        }

        if (WholeNumber.Parse(cleaned, out var number) == WholeNumberResult.Whole)
        {
            return FromNumber(number, out issue);
        }

        issue = FieldIssueReasons.Unparseable;
        return null;
    }
}
