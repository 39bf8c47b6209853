using System.Text;
using Pipeline.Actors.Cleaning;
using Xunit;

namespace Pipeline.Actors.Tests.Cleaning;

public sealed class WholeNumberTests
{
    [Theory]
    [InlineData("7528", 7528L)]
    [InlineData("-3", -3L)]
    [InlineData("7528.0", 7528L)]
    [InlineData("7.528e3", 7528L)]
    [InlineData("75280E-1", 7528L)]
    [InlineData(" 12 ", 12L)]
    [InlineData("9223372036854775807", long.MaxValue)]
    public void Reads_whole_numbers_however_written(string text, long expected)
    {
        Assert.Equal(WholeNumberResult.Whole, WholeNumber.Parse(text, out var value));
        Assert.Equal(expected, value);
        Assert.Equal(WholeNumberResult.Whole, WholeNumber.Parse(Encoding.UTF8.GetBytes(text.Trim()), out value));
        Assert.Equal(expected, value);
    }

    [Theory]
    [InlineData("7528.5", WholeNumberResult.NotWhole)]
    [InlineData("1e-3", WholeNumberResult.NotWhole)]
    [InlineData("abc", WholeNumberResult.NotANumber)]
    [InlineData("", WholeNumberResult.NotANumber)]
    [InlineData("12abc", WholeNumberResult.NotANumber)]
    [InlineData("NaN", WholeNumberResult.NotANumber)]
    [InlineData("Infinity", WholeNumberResult.NotANumber)]
    [InlineData("0x1F", WholeNumberResult.NotANumber)]
    [InlineData("9223372036854775808", WholeNumberResult.TooLarge)]
    [InlineData("1e30", WholeNumberResult.TooLarge)]
    [InlineData("-1e300", WholeNumberResult.TooLarge)]
    public void Tells_why_text_is_not_a_whole_number(string text, WholeNumberResult expected)
    {
        Assert.Equal(expected, WholeNumber.Parse(text, out _));
        Assert.Equal(expected, WholeNumber.Parse(Encoding.UTF8.GetBytes(text), out _));
    }
}
