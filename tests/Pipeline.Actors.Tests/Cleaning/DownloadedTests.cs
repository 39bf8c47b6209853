using Pipeline.Actors.Cleaning;
using Xunit;

namespace Pipeline.Actors.Tests.Cleaning;

public sealed class DownloadedTests
{
    [Theory]
    [InlineData(1L, true)]
    [InlineData(0L, false)]
    public void One_is_true_and_zero_false(long value, bool expected)
    {
        Assert.Equal(expected, Downloaded.FromNumber(value, out var issue));
        Assert.Null(issue);
    }

    [Theory]
    [InlineData(2L)]
    [InlineData(-1L)]
    public void Other_numbers_are_unparseable(long value)
    {
        Assert.Null(Downloaded.FromNumber(value, out var issue));
        Assert.Equal(FieldIssueReasons.Unparseable, issue);
    }

    [Theory]
    [InlineData("1", true)]
    [InlineData("0", false)]
    [InlineData(" 1 ", true)]
    [InlineData("true", true)]
    [InlineData("False", false)]
    public void Reads_the_flag_sent_as_text(string text, bool expected)
    {
        Assert.Equal(expected, Downloaded.Parse(text, out var issue));
        Assert.Null(issue);
    }

    [Theory]
    [InlineData("yes")]
    [InlineData("2")]
    [InlineData("0.5")]
    public void Other_text_is_unparseable(string text)
    {
        Assert.Null(Downloaded.Parse(text, out var issue));
        Assert.Equal(FieldIssueReasons.Unparseable, issue);
    }
}
