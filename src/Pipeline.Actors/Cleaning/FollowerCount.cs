using System.Globalization;

namespace Pipeline.Actors.Cleaning;

/// <summary>
/// The poster's follower count as Pinterest displays it: plain digits, or a number (decimals allowed)
/// followed by <c>k</c> (thousand), <c>M</c> (million) or <c>B</c> (billion).
/// </summary>
public static class FollowerCount
{
    /// <summary>
    /// The whole number of followers, or null with <paramref name="issue"/> saying why:
    /// <see cref="FieldIssueReasons.Placeholder"/> for <c>User Info Error</c>,
    /// <see cref="FieldIssueReasons.Unparseable"/> for any other text. A scaled decimal that does not
    /// land on a whole number (<c>1.2345k</c>) is rounded half away from zero.
    /// </summary>
    public static long? Parse(string? text, out string? issue)
    {
        if (text is null)
        {
            issue = FieldIssueReasons.Missing;
            return null;
        }

        return Parse(text.AsSpan(), out issue);
    }

    /// <inheritdoc cref="Parse(string?, out string?)"/>
    public static long? Parse(ReadOnlySpan<char> text, out string? issue)
    {
        var trimmed = TextField.Trim(text, out issue);
        if (issue is not null)
        {
            return null;
        }

        if (Placeholders.OfPoster.Matches(trimmed))
        {
            issue = FieldIssueReasons.Placeholder;
            return null;
        }

        var count = Count(trimmed);
        issue = count is null ? FieldIssueReasons.Unparseable : null;
        return count;
    }

    private static long? Count(ReadOnlySpan<char> text)
    {
        var multiplier = text[^1] switch
        {
            'k' => 1_000L,
            'M' => 1_000_000L,
            'B' => 1_000_000_000L,
            _ => 1L,
        };

        var number = multiplier == 1 ? text : text[..^1];
        var point = number.IndexOf('.');
        var whole = point >= 0 ? number[..point] : number;
        if (whole.IsEmpty || whole.ContainsAnyExceptInRange('0', '9'))
        {
            return null;
        }

        if (point < 0)
        {
            // Digits only, the common case: no decimal arithmetic needed.
            return long.TryParse(whole, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value <= long.MaxValue / multiplier
                ? value * multiplier
                : null;
        }

        var fraction = number[(point + 1)..];
        if (multiplier == 1 || fraction.IsEmpty || fraction.ContainsAnyExceptInRange('0', '9')
            || !decimal.TryParse(number, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var scaled)
            || scaled > long.MaxValue / multiplier)
        {
            return null;
        }

        return (long)Math.Round(scaled * multiplier, MidpointRounding.AwayFromZero);
    }
}
