using Pipeline.Actors.Cleaning;
using Xunit;

namespace Pipeline.Actors.Tests.Cleaning;

public sealed class SaveLocationTests
{
    [Theory]
    [InlineData("Local save in /data/finance", "/data/finance")]
    [InlineData("Local save in /data/mens-fashion", "/data/mens-fashion")]
    [InlineData("  Local save in /data/art\u00a0", "/data/art")]
    [InlineData("/data/art", "/data/art")]
    [InlineData("Local save in\u00a0/data/art", "/data/art")]
    [InlineData("local save in /data/art", "local save in /data/art")]
    [InlineData("Local save in/data/art", "Local save in/data/art")]
    public void Drops_the_prefix(string text, string expected)
    {
        Assert.Equal(expected, SaveLocation.Clean(text, out var issue));
        Assert.Null(issue);
    }

    [Theory]
    [InlineData("Local save in ")]
    [InlineData("Local save in")]
    [InlineData(" Local save in \u00a0 ")]
    public void Prefix_alone_is_empty(string text)
    {
        Assert.Null(SaveLocation.Clean(text, out var issue));
        Assert.Equal(FieldIssueReasons.Empty, issue);
    }
}
