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
        var cleaned = TextField.Clean(text, out issue);
        if (cleaned is null)
        {
            return null;
        }

        if (Placeholders.IsPlaceholder("follower_count", cleaned))
        {
            issue = FieldIssueReasons.Placeholder;
            return null;
        }

        var count = Parse(cleaned.AsSpan());
        issue = count is null ? FieldIssueReasons.Unparseable : null;
        return count;
    }

    private static long? Parse(ReadOnlySpan<char> text)
    {
        var multiplier = text[^1] switch
        {
            'k' => 1_000m,
            'M' => 1_000_000m,
            'B' => 1_000_000_000m,
            _ => 1m,
        };

        var number = multiplier == 1m ? text : text[..^1];
        if (!IsDigitsWithOptionalFraction(number, allowFraction: multiplier != 1m))
        {
            return null;
        }

        if (!decimal.TryParse(number, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value))
        {
            return null;
        }

        if (value > long.MaxValue / multiplier)
        {
            return null;
        }

        return (long)Math.Round(value * multiplier, MidpointRounding.AwayFromZero);
    }

    private static bool IsDigitsWithOptionalFraction(ReadOnlySpan<char> text, bool allowFraction)
    {
        var point = text.IndexOf('.');
        if (point >= 0 && !allowFraction)
        {
            return false;
        }

        var whole = point >= 0 ? text[..point] : text;
        var fraction = point >= 0 ? text[(point + 1)..] : [];
        return !whole.IsEmpty && !whole.ContainsAnyExceptInRange('0', '9')
            && (point < 0 || (!fraction.IsEmpty && !fraction.ContainsAnyExceptInRange('0', '9')));
    }
}
