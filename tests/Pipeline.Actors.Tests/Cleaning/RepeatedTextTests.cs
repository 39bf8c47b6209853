using System.Text;
using Pipeline.Actors.Cleaning;
using Xunit;

namespace Pipeline.Actors.Tests.Cleaning;

public sealed class RepeatedTextTests
{
    [Fact]
    public void A_value_met_again_is_the_same_string()
    {
        var known = new RepeatedText(16);

        var first = known.Get("travel".AsSpan());
        var again = known.Get("travel".AsSpan());
        var fromAscii = known.Get("travel"u8);

        Assert.Equal("travel", first);
        Assert.Same(first, again);
        Assert.Same(first, fromAscii);
    }

    [Fact]
    public void Values_that_share_a_slot_still_come_back_as_themselves()
    {
        var known = new RepeatedText(1);

        Assert.Equal("art", known.Get("art".AsSpan()));
        Assert.Equal("beauty", known.Get("beauty"u8));
        Assert.Equal("art", known.Get("art"u8));
        Assert.Equal("beauty", known.Get("beauty".AsSpan()));
    }

    [Fact]
    public void Long_text_is_not_kept()
    {
        var known = new RepeatedText(16);
        var text = new string('x', RepeatedText.MaxLength + 1);

        var first = known.Get(text.AsSpan());
        var again = known.Get(Encoding.ASCII.GetBytes(text));

        Assert.Equal(text, first);
        Assert.Equal(text, again);
        Assert.NotSame(first, again);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(3)]
    [InlineData(-4)]
    public void The_slot_count_is_a_power_of_two(int slots) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new RepeatedText(slots));
}
