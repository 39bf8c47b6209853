using Pipeline.Actors.Cleaning;
using Xunit;

namespace Pipeline.Actors.Tests.Cleaning;

public sealed class TagListTests
{
    [Fact]
    public void Splits_on_commas_trims_and_drops_empties()
    {
        Assert.Equal(["Pretty Art", "Cute Art", "Wow Art"], TagList.Parse(" Pretty Art, Cute Art ,, \u00a0,Wow Art,", out var issue));
        Assert.Null(issue);
    }

    [Fact]
    public void A_real_tag_list_keeps_its_tags_in_order()
    {
        var tags = TagList.Parse("Safe Storage,Puzzle Box,Puzzle Pieces,All Art,Artwork Prints,Porsche,Thing 1,Shapes,Unique", out _);
        Assert.Equal(["Safe Storage", "Puzzle Box", "Puzzle Pieces", "All Art", "Artwork Prints", "Porsche", "Thing 1", "Shapes", "Unique"], tags);
    }

    [Fact]
    public void One_tag_without_commas()
    {
        Assert.Equal(["Illustrator"], TagList.Parse("Illustrator", out _));
    }

    [Fact]
    public void No_tags_placeholder_is_null()
    {
        Assert.Null(TagList.Parse("N,o, ,T,a,g,s, ,A,v,a,i,l,a,b,l,e", out var issue));
        Assert.Equal(FieldIssueReasons.Placeholder, issue);
    }

    [Theory]
    [InlineData(",")]
    [InlineData(" , ,, ")]
    [InlineData("")]
    public void No_tag_at_all_is_empty(string text)
    {
        Assert.Null(TagList.Parse(text, out var issue));
        Assert.Equal(FieldIssueReasons.Empty, issue);
    }
}
