using Pipeline.Actors.History;
using Xunit;

namespace Pipeline.Actors.Tests.History;

public sealed class CronScheduleTests
{
    private static DateTimeOffset At(string utc) => DateTimeOffset.Parse(utc + "Z", System.Globalization.CultureInfo.InvariantCulture);

    [Theory]
    [InlineData("0 0 * * *", "2026-11-25T17:03:10", "2026-11-26T00:00:00")]
    [InlineData("0 0 * * *", "2026-11-26T00:00:00", "2026-11-27T00:00:00")]
    [InlineData("0 0 * * *", "2026-12-31T23:59:59", "2027-01-01T00:00:00")]
    [InlineData("*/15 * * * *", "2026-11-25T17:03:10", "2026-11-25T17:15:00")]
    [InlineData("30 6 * * 1-5", "2026-11-27T07:00:00", "2026-11-30T06:30:00")]
    [InlineData("0 12 1 * 0", "2026-11-25T00:00:00", "2026-11-29T12:00:00")]
    [InlineData("0 12 1 * 0", "2026-11-29T13:00:00", "2026-12-01T12:00:00")]
    [InlineData("5,10 3 29 2 *", "2026-03-01T00:00:00", "2028-02-29T03:05:00")]
    public void Next_is_the_first_matching_minute_strictly_after(string expression, string after, string expected) =>
        Assert.Equal(At(expected), CronSchedule.Parse(expression).Next(At(after)));

    [Theory]
    [InlineData("0 0 * *")]
    [InlineData("60 0 * * *")]
    [InlineData("0 24 * * *")]
    [InlineData("x 0 * * *")]
    public void Malformed_expressions_are_rejected(string expression) =>
        Assert.Throws<FormatException>(() => CronSchedule.Parse(expression));
}
