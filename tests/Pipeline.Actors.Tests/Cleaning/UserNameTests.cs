using Pipeline.Actors.Cleaning;
using Xunit;

namespace Pipeline.Actors.Tests.Cleaning;

public sealed class UserNameTests
{
    [Theory]
    [InlineData("Abigail", "Ali", "Abigail Ali")]
    [InlineData(" Jesse\u00a0", " Daniels ", "Jesse Daniels")]
    [InlineData("Jesse", null, "Jesse")]
    [InlineData("Jesse", "  ", "Jesse")]
    [InlineData(null, "Daniels", "Daniels")]
    [InlineData("", "Daniels", "Daniels")]
    public void Joins_the_names_present(string? first, string? last, string expected)
    {
        Assert.Equal(expected, UserName.Join(first, last, out var issue));
        Assert.Null(issue);
    }

    [Theory]
    [InlineData(null, null)]
    [InlineData(" ", "\u00a0")]
    public void No_name_is_missing(string? first, string? last)
    {
        Assert.Null(UserName.Join(first, last, out var issue));
        Assert.Equal(FieldIssueReasons.Missing, issue);
    }
}
