using System.Globalization;
using System.Text;
using System.Text.Json;
using Pipeline.Actors.Cleaning;
using Xunit;

namespace Pipeline.Actors.Tests.Cleaning;

public sealed class ShortDecimalTests
{
    [Theory]
    [InlineData("-88.8298")]
    [InlineData("-170.188")]
    [InlineData("0")]
    [InlineData("-0")]
    [InlineData("0.1")]
    [InlineData("0.30000000000001")]
    [InlineData("179.99999999999")]
    [InlineData("999999999999999")]
    [InlineData("-0.00000000000001")]
    [InlineData("12.5")]
    public void A_plain_decimal_parses_exactly_as_the_full_parser(string text)
    {
        Assert.True(ShortDecimal.TryParse(Encoding.ASCII.GetBytes(text), out var value));
        AssertSameDouble(double.Parse(text, CultureInfo.InvariantCulture), value);
    }

    [Theory]
    [InlineData("1e5")]
    [InlineData("1.5E-3")]
    [InlineData("1234567890123456")]
    [InlineData("0.1234567890123456")]
    [InlineData("")]
    [InlineData("-")]
    public void Exponents_and_long_numbers_are_left_to_the_full_parser(string text) =>
        Assert.False(ShortDecimal.TryParse(Encoding.ASCII.GetBytes(text), out _));

    [Fact]
    public void Every_real_coordinate_parses_as_the_full_parser_does()
    {
        var checkedNumbers = 0;
        foreach (var line in File.ReadLines(SharedData.PathOf("geo.jsonl")))
        {
            var reader = new Utf8JsonReader(Encoding.UTF8.GetBytes(line));
            while (reader.Read())
            {
                if (reader.TokenType == JsonTokenType.Number && ShortDecimal.TryParse(reader.ValueSpan, out var value))
                {
                    AssertSameDouble(reader.GetDouble(), value);
                    checkedNumbers++;
                }
            }
        }

        Assert.True(checkedNumbers > 20_000, $"only {checkedNumbers} numbers took the fast path");
    }

    [Fact]
    public void Random_short_decimals_parse_as_the_full_parser_does()
    {
        var random = new Random(17);
        for (var i = 0; i < 100_000; i++)
        {
            var digits = random.NextInt64(0, 100_000_000_000_000);
            var text = digits.ToString(CultureInfo.InvariantCulture);
            var point = random.Next(0, text.Length);
            text = (random.Next(2) == 0 ? "-" : "") + text[..point] + (point == 0 ? "0" : "") + "." + text[point..];

            Assert.True(ShortDecimal.TryParse(Encoding.ASCII.GetBytes(text), out var value), text);
            AssertSameDouble(double.Parse(text, CultureInfo.InvariantCulture), value);
        }
    }

    /// <summary>Bit for bit, so a negative zero stays negative.</summary>
    private static void AssertSameDouble(double expected, double actual) =>
        Assert.Equal(BitConverter.DoubleToInt64Bits(expected), BitConverter.DoubleToInt64Bits(actual));
}
