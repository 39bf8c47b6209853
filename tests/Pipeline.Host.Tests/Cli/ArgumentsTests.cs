using Pipeline.Host.Cli;
using Xunit;

namespace Pipeline.Host.Tests.Cli;

public class ArgumentsTests
{
    private static Arguments Parse(params string[] args) => Arguments.Parse(args, ["seed", "out"], ["shuffle"]);

    [Fact]
    public void Reads_values_flags_and_inline_values()
    {
        var arguments = Parse("--seed", "42", "--shuffle", "--out=dir");

        Assert.Equal(42, arguments.Whole("seed"));
        Assert.True(arguments.Has("shuffle"));
        Assert.Equal("dir", arguments.Text("out"));
    }

    [Theory]
    [InlineData("--sead", "1")]
    [InlineData("--seed")]
    [InlineData("--shuffle=yes")]
    [InlineData("stray")]
    [InlineData("--seed", "1", "--seed", "2")]
    public void Mistakes_are_usage_errors(params string[] args) => Assert.Throws<UsageException>(() => Parse(args));

    [Fact]
    public void Numbers_are_checked_against_their_range()
    {
        Assert.Throws<UsageException>(() => Parse("--seed", "x").Whole("seed"));
        Assert.Throws<UsageException>(() => Parse("--seed", "-1").Whole("seed", min: 0));
    }
}
