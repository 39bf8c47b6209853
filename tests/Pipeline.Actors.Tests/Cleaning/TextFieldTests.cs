using Pipeline.Actors.Cleaning;
using Xunit;

namespace Pipeline.Actors.Tests.Cleaning;

public sealed class TextFieldTests
{
    [Theory]
    [InlineData("Bored Panda", "Bored Panda")]
    [InlineData("  Bored Panda ", "Bored Panda")]
    [InlineData("\tResin Mosaic Coasters\n", "Resin Mosaic Coasters")]
    [InlineData("in every way…\u00a0", "in every way…")]
    [InlineData("\u00a0\u2003x\u3000", "x")]
    [InlineData("inner  white\u00a0space kept", "inner  white\u00a0space kept")]
    public void Trims_white_space_including_no_break_space(string raw, string expected)
    {
        Assert.Equal(expected, TextField.Clean(raw, out var issue));
        Assert.Null(issue);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("\u00a0\u00a0")]
    [InlineData("\r\n\t")]
    public void Empty_after_trimming_is_null(string raw)
    {
        Assert.Null(TextField.Clean(raw, out var issue));
        Assert.Equal(FieldIssueReasons.Empty, issue);
    }

    [Fact]
    public void No_text_is_missing()
    {
        Assert.Null(TextField.Clean(null, out var issue));
        Assert.Equal(FieldIssueReasons.Missing, issue);
    }

    [Fact]
    public void Span_form_agrees_with_string_form()
    {
        Assert.Equal("a b", TextField.Clean(" a b\u00a0".AsSpan(), out var issue));
        Assert.Null(issue);
        Assert.Null(TextField.Clean(" \u00a0".AsSpan(), out issue));
        Assert.Equal(FieldIssueReasons.Empty, issue);
    }
}
