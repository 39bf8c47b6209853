namespace Pipeline.Actors.History;

/// <summary>
/// A five-field cron expression in UTC: minute (0-59), hour (0-23), day of month (1-31), month
/// (1-12), day of week (0-7, 0 and 7 are Sunday). Each field is <c>*</c> or a comma-separated list
/// of numbers, ranges <c>a-b</c> and steps <c>*/n</c> or <c>a-b/n</c>. As in cron, when both day
/// fields are restricted a day matching either one runs.
/// </summary>
public sealed class CronSchedule
{
    private readonly bool[] _minutes, _hours, _days, _months, _weekdays;
    private readonly bool _daysRestricted, _weekdaysRestricted;

    private CronSchedule(string expression, bool[] minutes, bool[] hours, bool[] days, bool[] months, bool[] weekdays, bool daysRestricted, bool weekdaysRestricted)
    {
        Expression = expression;
        (_minutes, _hours, _days, _months, _weekdays) = (minutes, hours, days, months, weekdays);
        (_daysRestricted, _weekdaysRestricted) = (daysRestricted, weekdaysRestricted);
    }

    public string Expression { get; }

    public static CronSchedule Parse(string expression)
    {
        var fields = expression.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (fields.Length != 5)
            throw new FormatException($"A cron schedule has five fields (minute hour day month weekday): '{expression}'");
        var weekdays = Field(fields[4], 0, 7);
        weekdays[0] |= weekdays[7];
        return new CronSchedule(expression, Field(fields[0], 0, 59), Field(fields[1], 0, 23), Field(fields[2], 1, 31), Field(fields[3], 1, 12),
            weekdays, fields[2] != "*", fields[4] != "*");
    }

    /// <summary>The first time strictly after <paramref name="after"/> that the schedule fires.</summary>
    public DateTimeOffset Next(DateTimeOffset after)
    {
        var utc = after.UtcDateTime;
        var time = new DateTime(utc.Ticks - utc.Ticks % TimeSpan.TicksPerMinute, DateTimeKind.Utc).AddMinutes(1);
        var limit = time.AddYears(5);
        while (time < limit)
        {
            if (!_months[time.Month])
                time = new DateTime(time.Year, time.Month, 1, 0, 0, 0, DateTimeKind.Utc).AddMonths(1);
            else if (!DayMatches(time))
                time = time.Date.AddDays(1);
            else if (!_hours[time.Hour])
                time = time.Date.AddHours(time.Hour + 1);
            else if (!_minutes[time.Minute])
                time = time.AddMinutes(1);
            else
                return new DateTimeOffset(time);
        }

        throw new InvalidOperationException($"The cron schedule '{Expression}' never fires");
    }

    public override string ToString() => Expression;

    private bool DayMatches(DateTime day)
    {
        var byDay = _days[day.Day];
        var byWeekday = _weekdays[(int)day.DayOfWeek];
        return _daysRestricted && _weekdaysRestricted ? byDay || byWeekday : byDay && byWeekday;
    }

    private static bool[] Field(string field, int min, int max)
    {
        var allowed = new bool[max + 1];
        foreach (var part in field.Split(','))
        {
            var slash = part.IndexOf('/');
            var range = slash < 0 ? part : part[..slash];
            var step = slash < 0 ? 1 : Number(part[(slash + 1)..], 1, max);
            int from, to;
            if (range == "*")
                (from, to) = (min, max);
            else if (range.IndexOf('-') is var dash and > 0)
                (from, to) = (Number(range[..dash], min, max), Number(range[(dash + 1)..], min, max));
            else
                from = to = Number(range, min, max);
            for (var value = from; value <= to; value += step)
                allowed[value] = true;
        }

        return allowed;
    }

    private static int Number(string text, int min, int max) =>
        int.TryParse(text, out var value) && value >= min && value <= max
            ? value
            : throw new FormatException($"'{text}' is not a cron value in {min}..{max}");
}
