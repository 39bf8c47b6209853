using Pipeline.Actors.Cleaning;
using Xunit;

namespace Pipeline.Actors.Tests.Cleaning;

public sealed class PlaceholdersTests
{
    [Theory]
    [InlineData("title", "No Title Data Available")]
    [InlineData("description", "No description available Story format")]
    [InlineData("description", "No description available")]
    [InlineData("poster_name", "User Info Error")]
    [InlineData("follower_count", "User Info Error")]
    [InlineData("tag_list", "N,o, ,T,a,g,s, ,A,v,a,i,l,a,b,l,e")]
    [InlineData("image_src", "Image src error.")]
    public void Each_placeholder_of_its_field_is_null(string field, string placeholder)
    {
        Assert.Null(Placeholders.Clean(field, placeholder, out var issue));
        Assert.Equal(FieldIssueReasons.Placeholder, issue);
        Assert.Null(Placeholders.Clean(field, $" {placeholder}\u00a0", out issue));
        Assert.Equal(FieldIssueReasons.Placeholder, issue);
        Assert.True(Placeholders.IsPlaceholder(field, placeholder));
    }

    [Theory]
    [InlineData("title", "Image src error.")]
    [InlineData("image_src", "No Title Data Available")]
    [InlineData("category", "User Info Error")]
    [InlineData("title", "No Title Data available")]
    [InlineData("description", "No description available Story")]
    [InlineData("description", "No description")]
    public void Other_text_is_kept(string field, string text)
    {
        Assert.Equal(text, Placeholders.Clean(field, text, out var issue));
        Assert.Null(issue);
    }

    [Fact]
    public void Text_rule_applies_first()
    {
        Assert.Null(Placeholders.Clean("title", "  ", out var issue));
        Assert.Equal(FieldIssueReasons.Empty, issue);
        Assert.Null(Placeholders.Clean("title", null, out issue));
        Assert.Equal(FieldIssueReasons.Missing, issue);
    }
}
