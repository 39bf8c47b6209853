namespace Pipeline.Actors.Cleaning;

/// <summary>The poster's age in years.</summary>
public static class Age
{
    public const int Minimum = 1;
    public const int Maximum = 129;

    /// <summary>The age when it lies in <see cref="Minimum"/>..<see cref="Maximum"/>, else null and <see cref="FieldIssueReasons.OutOfRange"/>.</summary>
    public static int? FromNumber(long years, out string? issue)
    {
        if (years is < Minimum or > Maximum)
        {
            issue = FieldIssueReasons.OutOfRange;
            return null;
        }

        issue = null;
        return (int)years;
    }

    /// <summary>The age read from a number's text (<c>"36"</c>).</summary>
    public static int? Parse(string? text, out string? issue)
    {
        if (text is null)
        {
            issue = FieldIssueReasons.Missing;
            return null;
        }

        return Parse(text.AsSpan(), out issue);
    }

    /// <inheritdoc cref="Parse(string?, out string?)"/>
    public static int? Parse(ReadOnlySpan<char> text, out string? issue)
    {
        var cleaned = TextField.Trim(text, out issue);
        if (issue is not null)
        {
            return null;
        }

        return FromWholeNumber(WholeNumber.Parse(cleaned, out var years), years, out issue);
    }

    /// <summary>The age from the outcome of reading a whole number, however it was sent.</summary>
    public static int? FromWholeNumber(WholeNumberResult result, long years, out string? issue)
    {
        switch (result)
        {
            case WholeNumberResult.Whole:
                return FromNumber(years, out issue);
            case WholeNumberResult.TooLarge:
                issue = FieldIssueReasons.OutOfRange;
                return null;
            default:
                issue = FieldIssueReasons.Unparseable;
                return null;
        }
    }
}
