using Pipeline.Actors.Cleaning;
using Xunit;

namespace Pipeline.Actors.Tests.Cleaning;

public sealed class FollowerCountTests
{
    [Theory]
    [InlineData("0", 0L)]
    [InlineData("7", 7L)]
    [InlineData("159", 159L)]
    [InlineData("9223372036854775807", long.MaxValue)]
    [InlineData("2k", 2_000L)]
    [InlineData("57k", 57_000L)]
    [InlineData("999k", 999_000L)]
    [InlineData("2M", 2_000_000L)]
    [InlineData("12M", 12_000_000L)]
    [InlineData("3B", 3_000_000_000L)]
    [InlineData("1.5k", 1_500L)]
    [InlineData("1.25M", 1_250_000L)]
    [InlineData("2.5B", 2_500_000_000L)]
    [InlineData("0.5k", 500L)]
    [InlineData("1.2345k", 1_235L)]
    [InlineData(" 5k\u00a0", 5_000L)]
    public void Reads_digits_and_scaled_forms(string text, long expected)
    {
        Assert.Equal(expected, FollowerCount.Parse(text, out var issue));
        Assert.Null(issue);
    }

    [Fact]
    public void User_info_error_is_the_placeholder()
    {
        Assert.Null(FollowerCount.Parse("User Info Error", out var issue));
        Assert.Equal(FieldIssueReasons.Placeholder, issue);
    }

    [Theory]
    [InlineData("abc")]
    [InlineData("k")]
    [InlineData("1.5")]
    [InlineData("1K")]
    [InlineData("1m")]
    [InlineData("1b")]
    [InlineData("-5")]
    [InlineData("+5")]
    [InlineData("1,234")]
    [InlineData("1.k")]
    [InlineData(".5k")]
    [InlineData("1.5.5k")]
    [InlineData("12kk")]
    [InlineData("1 k")]
    [InlineData("9223372036854775808")]
    [InlineData("9999999999B")]
    [InlineData("User Info error")]
    public void Anything_else_is_unparseable(string text)
    {
        Assert.Null(FollowerCount.Parse(text, out var issue));
        Assert.Equal(FieldIssueReasons.Unparseable, issue);
    }

    [Fact]
    public void No_text_is_missing_and_blank_is_empty()
    {
        Assert.Null(FollowerCount.Parse(null, out var issue));
        Assert.Equal(FieldIssueReasons.Missing, issue);
        Assert.Null(FollowerCount.Parse(" ", out issue));
        Assert.Equal(FieldIssueReasons.Empty, issue);
    }
}
