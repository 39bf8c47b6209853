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

    [Theory]
    [InlineData(" Pretty Art, Cute Art ,, \t,Wow Art,")]
    [InlineData("a,b,c,d,e,f,g,h,i,j,k,l,m,n,o,p,q,r,s,t,u,v,w,x,y,z,aa,bb,cc,dd,ee,ff,gg,hh")]
    [InlineData(" , ,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,, x ,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,, ")]
    [InlineData(",,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,")]
    [InlineData("N,o, ,T,a,g,s, ,A,v,a,i,l,a,b,l,e")]
    public void Ascii_bytes_split_as_their_characters_do(string text)
    {
        var fromCharacters = TagList.Parse(text, out var characterIssue);
        var fromBytes = TagList.Parse(System.Text.Encoding.ASCII.GetBytes(text), out var byteIssue);

        Assert.Equal(fromCharacters, fromBytes);
        Assert.Equal(characterIssue, byteIssue);
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
