using Pipeline.Actors.Cleaning;
using Pipeline.Actors.Records;
using Xunit;

namespace Pipeline.Actors.Tests.Records;

public sealed class PinTagsTests
{
    private static PinTags Tags(string text) => Assert.IsType<PinTags>(TagList.Parse(text, out _));

    [Fact]
    public void Tags_read_as_strings_and_as_parts_of_the_text()
    {
        var tags = Tags(" Pretty Art, Cute \"Art\" ,, \u00a0,Wow Art,");

        Assert.Equal(3, tags.Count);
        Assert.Equal(["Pretty Art", "Cute \"Art\"", "Wow Art"], tags);
        Assert.Equal("Cute \"Art\"", tags[1]);
        Assert.Equal("Wow Art", tags.Memory(2).ToString());
        Assert.Equal("Pretty Art", PinTags.TagAt(tags, 0).ToString());
        Assert.Equal("b", PinTags.TagAt(new[] { "a", "b" }, 1).ToString());
        Assert.Throws<ArgumentOutOfRangeException>(() => tags[3]);
        Assert.Throws<ArgumentOutOfRangeException>(() => tags.Memory(-1));
    }

    [Fact]
    public void A_long_tag_list_splits_past_the_first_block_of_characters()
    {
        var text = string.Join(",", Enumerable.Range(0, 40).Select(i => $" tag {i} "));

        Assert.Equal(Enumerable.Range(0, 40).Select(i => $"tag {i}"), Tags(text));
    }

    [Fact]
    public void Writers_write_pin_tags_as_they_write_a_list_of_strings()
    {
        var tags = Tags(" Déco ✨, a\\b, \"quoted\",tab\there ");
        var asTags = Pin(tags);
        var asArray = Pin(tags.ToArray());

        Assert.Equal(CleanJsonWriter.ToJson(asArray), CleanJsonWriter.ToJson(asTags));
        Assert.Contains("\"tag_list\":[\"Déco ✨\",\"a\\\\b\",\"\\\"quoted\\\"\",\"tab\\there\"]", CleanJsonWriter.ToJson(asTags), StringComparison.Ordinal);
    }

    private static CleanPin Pin(IReadOnlyList<string> tags) =>
        new(1, "u", "t", null, 10, "p", tags, "image", null, "/data/art", "art", true);
}
