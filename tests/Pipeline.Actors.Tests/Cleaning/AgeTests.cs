using Pipeline.Actors.Cleaning;
using Xunit;

namespace Pipeline.Actors.Tests.Cleaning;

public sealed class AgeTests
{
    [Theory]
    [InlineData(1L)]
    [InlineData(36L)]
    [InlineData(129L)]
    public void Keeps_ages_from_1_to_129(long years)
    {
        Assert.Equal((int)years, Age.FromNumber(years, out var issue));
        Assert.Null(issue);
    }

    [Theory]
    [InlineData(0L)]
    [InlineData(-5L)]
    [InlineData(130L)]
    [InlineData(long.MaxValue)]
    public void Other_ages_are_out_of_range(long years)
    {
        Assert.Null(Age.FromNumber(years, out var issue));
        Assert.Equal(FieldIssueReasons.OutOfRange, issue);
    }

    [Theory]
    [InlineData("36", 36)]
    [InlineData(" 36 ", 36)]
    [InlineData("36.0", 36)]
    public void Reads_an_age_sent_as_text(string text, int expected)
    {
        Assert.Equal(expected, Age.Parse(text, out var issue));
        Assert.Null(issue);
    }

    [Theory]
    [InlineData("36.5", FieldIssueReasons.Unparseable)]
    [InlineData("thirty", FieldIssueReasons.Unparseable)]
    [InlineData("200", FieldIssueReasons.OutOfRange)]
    [InlineData("99999999999999999999", FieldIssueReasons.OutOfRange)]
    [InlineData("", FieldIssueReasons.Empty)]
    public void Bad_text_is_nulled_with_its_reason(string text, string reason)
    {
        Assert.Null(Age.Parse(text, out var issue));
        Assert.Equal(reason, issue);
    }
}
