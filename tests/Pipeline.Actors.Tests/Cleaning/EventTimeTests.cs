using Pipeline.Actors.Cleaning;
using Xunit;

namespace Pipeline.Actors.Tests.Cleaning;

public sealed class EventTimeTests
{
    [Theory]
    [InlineData("2020-08-28 03:52:47", "2020-08-28T03:52:47.0000000+00:00")]
    [InlineData("2020-08-28T03:52:47", "2020-08-28T03:52:47.0000000+00:00")]
    [InlineData("2020-08-28t03:52:47", "2020-08-28T03:52:47.0000000+00:00")]
    [InlineData("2020-08-28 03:52:47Z", "2020-08-28T03:52:47.0000000+00:00")]
    [InlineData("2020-08-28T03:52:47z", "2020-08-28T03:52:47.0000000+00:00")]
    [InlineData("2020-08-28 03:52:47.5", "2020-08-28T03:52:47.5000000+00:00")]
    [InlineData("2020-08-28T03:52:47.123456", "2020-08-28T03:52:47.1234560+00:00")]
    [InlineData("2020-08-28T03:52:47.123456789", "2020-08-28T03:52:47.1234567+00:00")]
    [InlineData("2020-08-28T03:52:47.25Z", "2020-08-28T03:52:47.2500000+00:00")]
    [InlineData("2020-08-28T05:52:47+02:00", "2020-08-28T03:52:47.0000000+00:00")]
    [InlineData("2020-08-28T05:52:47+0200", "2020-08-28T03:52:47.0000000+00:00")]
    [InlineData("2020-08-28T05:52:47+02", "2020-08-28T03:52:47.0000000+00:00")]
    [InlineData("2020-08-27T22:22:47-05:30", "2020-08-28T03:52:47.0000000+00:00")]
    [InlineData("2020-08-28 05:52:47.5+02:00", "2020-08-28T03:52:47.5000000+00:00")]
    [InlineData("2020-08-28T00:30:00+01:00", "2020-08-27T23:30:00.0000000+00:00")]
    [InlineData("2020-02-29 00:00:00", "2020-02-29T00:00:00.0000000+00:00")]
    [InlineData(" 2019-01-01 07:21:13\u00a0", "2019-01-01T07:21:13.0000000+00:00")]
    public void Reads_each_form_as_utc(string text, string expected)
    {
        var instant = EventTime.Parse(text, out var issue);

        Assert.Null(issue);
        Assert.NotNull(instant);
        Assert.Equal(TimeSpan.Zero, instant.Value.Offset);
        Assert.Equal(expected, instant.Value.ToString("O", System.Globalization.CultureInfo.InvariantCulture));
    }

    [Theory]
    [InlineData("2020-08-28")]
    [InlineData("2020-08-28 03:52")]
    [InlineData("28/08/2020 03:52:47")]
    [InlineData("2020-13-01 00:00:00")]
    [InlineData("2020-00-01 00:00:00")]
    [InlineData("2021-02-29 00:00:00")]
    [InlineData("2020-08-32 00:00:00")]
    [InlineData("2020-08-28 24:00:00")]
    [InlineData("2020-08-28 03:60:00")]
    [InlineData("2020-08-28 03:52:60")]
    [InlineData("0000-01-01 00:00:00")]
    [InlineData("2020-08-28 03:52:47.")]
    [InlineData("2020-08-28 03:52:47.5x")]
    [InlineData("2020-08-28 03:52:47+15:00")]
    [InlineData("2020-08-28 03:52:47+02:60")]
    [InlineData("2020-08-28 03:52:47+2")]
    [InlineData("2020-08-28 03:52:47+02:0")]
    [InlineData("2020-08-28 03:52:47 UTC")]
    [InlineData("0001-01-01 00:00:00+01:00")]
    [InlineData("2020-08-28_03:52:47")]
    [InlineData("１２３４-08-28 03:52:47")]
    [InlineData("not a date at all!!")]
    public void Anything_else_is_unparseable(string text)
    {
        Assert.Null(EventTime.Parse(text, out var issue));
        Assert.Equal(FieldIssueReasons.Unparseable, issue);
    }

    [Theory]
    [InlineData(" 2020-08-28T05:52:47.123456789+02:00 ")]
    [InlineData("2020-08-28 03:52:47z")]
    [InlineData("2020-08-27T22:22:47-0530")]
    [InlineData("2020-08-28 05:52:47+02")]
    [InlineData("2020-02-29 00:00:00")]
    [InlineData("2021-02-29 00:00:00")]
    [InlineData("2020-08-28 03:52:47.")]
    [InlineData("2020-08-28 03:52:47+02:60")]
    [InlineData("2020-08-28 03:52:47+2")]
    [InlineData("0001-01-01 00:00:00+01:00")]
    [InlineData("   ")]
    public void Ascii_bytes_read_as_their_characters_do(string text)
    {
        var fromCharacters = EventTime.Parse(text, out var characterIssue);
        var fromBytes = EventTime.Parse(System.Text.Encoding.ASCII.GetBytes(text), out var byteIssue);

        Assert.Equal(fromCharacters, fromBytes);
        Assert.Equal(characterIssue, byteIssue);
    }

    [Fact]
    public void No_text_is_missing()
    {
        Assert.Null(EventTime.Parse((string?)null, out var issue));
        Assert.Equal(FieldIssueReasons.Missing, issue);
    }
}
