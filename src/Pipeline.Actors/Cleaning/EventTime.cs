using System.Numerics;

namespace Pipeline.Actors.Cleaning;

/// <summary>
/// The datetimes the records carry (geo <c>timestamp</c>, user <c>date_joined</c>):
/// <c>YYYY-MM-DD HH:MM:SS</c> or <c>YYYY-MM-DDTHH:MM:SS</c>, then an optional fraction of a second
/// (any number of digits; beyond 100 ns they are dropped) and an optional offset (<c>Z</c>,
/// <c>+HH:MM</c>, <c>+HHMM</c> or <c>+HH</c>). Without an offset the time is taken as UTC, which is
/// what the original emulator's database held.
/// </summary>
public static class EventTime
{
    private const int MaximumOffsetMinutes = 14 * 60;

    /// <summary>The instant in UTC (offset zero), or null and <see cref="FieldIssueReasons.Unparseable"/>.</summary>
    public static DateTimeOffset? Parse(string? text, out string? issue)
    {
        if (text is null)
        {
            issue = FieldIssueReasons.Missing;
            return null;
        }

        return Parse(text.AsSpan(), out issue);
    }

    /// <inheritdoc cref="Parse(string?, out string?)"/>
    public static DateTimeOffset? Parse(ReadOnlySpan<char> text, out string? issue)
    {
        var cleaned = TextField.Trim(text, out issue);
        if (issue is not null)
        {
            return null;
        }

        if (TryParse(cleaned, out var instant))
        {
            return instant;
        }

        issue = FieldIssueReasons.Unparseable;
        return null;
    }

    public static bool TryParse(ReadOnlySpan<char> text, out DateTimeOffset instant) => TryParseUnits(text, out instant);

    /// <summary><see cref="Parse(ReadOnlySpan{char}, out string?)"/> of ASCII text (<see cref="AsciiText"/>).</summary>
    internal static DateTimeOffset? Parse(ReadOnlySpan<byte> ascii, out string? issue)
    {
        var cleaned = AsciiText.Trim(ascii, out issue);
        if (issue is not null)
        {
            return null;
        }

        if (TryParseUnits(cleaned, out var instant))
        {
            return instant;
        }

        issue = FieldIssueReasons.Unparseable;
        return null;
    }

    /// <summary>The forms read from UTF-16 units or from ASCII bytes alike; each unit is compared by its value.</summary>
    private static bool TryParseUnits<TUnit>(ReadOnlySpan<TUnit> text, out DateTimeOffset instant)
        where TUnit : unmanaged, IBinaryInteger<TUnit>
    {
        instant = default;
        if (text.Length < 19
            || Unit(text[4]) != '-' || Unit(text[7]) != '-' || Unit(text[10]) is not (' ' or 'T' or 't') || Unit(text[13]) != ':' || Unit(text[16]) != ':'
            || !TryDigits(text[..4], out var year) || !TryDigits(text[5..7], out var month) || !TryDigits(text[8..10], out var day)
            || !TryDigits(text[11..13], out var hour) || !TryDigits(text[14..16], out var minute) || !TryDigits(text[17..19], out var second))
        {
            return false;
        }

        if (year < 1 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month)
            || hour > 23 || minute > 59 || second > 59)
        {
            return false;
        }

        var rest = text[19..];
        long fractionTicks = 0;
        if (!rest.IsEmpty && Unit(rest[0]) == '.')
        {
            var digits = rest[1..];
            var length = digits.IndexOfAnyExceptInRange(TUnit.CreateTruncating('0'), TUnit.CreateTruncating('9'));
            length = length < 0 ? digits.Length : length;
            if (length == 0)
            {
                return false;
            }

            fractionTicks = FractionTicks(digits[..length]);
            rest = digits[length..];
        }

        if (!TryOffsetMinutes(rest, out var offsetMinutes))
        {
            return false;
        }

        var local = new DateTime(year, month, day, hour, minute, second, DateTimeKind.Unspecified).Ticks + fractionTicks;
        var utc = local - (offsetMinutes * TimeSpan.TicksPerMinute);
        if (utc < DateTime.MinValue.Ticks || utc > DateTime.MaxValue.Ticks)
        {
            return false;
        }

        instant = new DateTimeOffset(utc, TimeSpan.Zero);
        return true;
    }

    private static int Unit<TUnit>(TUnit unit)
        where TUnit : unmanaged, IBinaryInteger<TUnit> => int.CreateTruncating(unit);

    private static long FractionTicks<TUnit>(ReadOnlySpan<TUnit> digits)
        where TUnit : unmanaged, IBinaryInteger<TUnit>
    {
        long ticks = 0;
        for (var i = 0; i < 7; i++)
        {
            ticks = (ticks * 10) + (i < digits.Length ? Unit(digits[i]) - '0' : 0);
        }

        return ticks;
    }

    /// <summary>The offset: none, <c>Z</c>, or a sign with <c>HH</c>, <c>HHMM</c> or <c>HH:MM</c>.</summary>
    private static bool TryOffsetMinutes<TUnit>(ReadOnlySpan<TUnit> text, out int minutes)
        where TUnit : unmanaged, IBinaryInteger<TUnit>
    {
        minutes = 0;
        if (text.IsEmpty || (text.Length == 1 && Unit(text[0]) is 'Z' or 'z'))
        {
            return true;
        }

        var sign = Unit(text[0]) switch
        {
            '+' => 1,
            '-' => -1,
            _ => 0,
        };
        var body = text[1..];
        var hoursText = body.Length >= 2 ? body[..2] : body;
        var minutesText = body.Length switch
        {
            4 => body[2..],
            5 when Unit(body[2]) == ':' => body[3..],
            _ => [],
        };
        var mins = 0;
        if (sign == 0 || (body.Length != 2 && minutesText.IsEmpty) || !TryDigits(hoursText, out var hours)
            || (!minutesText.IsEmpty && !TryDigits(minutesText, out mins))
            || mins > 59 || (hours * 60) + mins > MaximumOffsetMinutes)
        {
            return false;
        }

        minutes = sign * ((hours * 60) + mins);
        return true;
    }

    private static bool TryDigits<TUnit>(ReadOnlySpan<TUnit> text, out int value)
        where TUnit : unmanaged, IBinaryInteger<TUnit>
    {
        value = 0;
        foreach (var unit in text)
        {
            var digit = Unit(unit) - '0';
            if (digit is < 0 or > 9)
            {
                return false;
            }

            value = (value * 10) + digit;
        }

        return true;
    }
}
