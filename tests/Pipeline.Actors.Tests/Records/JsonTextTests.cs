using System.Buffers;
using System.Text;
using System.Text.Json;
using Pipeline.Actors.Cleaning;
using Pipeline.Actors.Records;
using Pipeline.Actors.Tests.Cleaning;
using Xunit;

namespace Pipeline.Actors.Tests.Records;

public sealed class JsonTextTests
{
    [Theory]
    [InlineData("Aydoğdu", "\"Aydoğdu\"")]
    [InlineData("Love 😍 ₹5000", "\"Love 😍 ₹5000\"")]
    [InlineData("say \"hi\" \\ ok", "\"say \\\"hi\\\" \\\\ ok\"")]
    [InlineData("a\nb\rc\td\be\ff", "\"a\\nb\\rc\\td\\be\\ff\"")]
    [InlineData("\u0001\u001f\u007f", "\"\\u0001\\u001F\u007f\"")]
    [InlineData("<script>&'</script>", "\"<script>&'</script>\"")]
    [InlineData("", "\"\"")]
    public void Escapes_only_what_json_requires(string value, string expected)
    {
        Assert.Equal(expected, Literal(value));
        using var document = JsonDocument.Parse(Literal(value));
        Assert.Equal(value, document.RootElement.GetString());
    }

    [Fact]
    public void Real_rows_with_emoji_keep_them_readable()
    {
        var lines = File.ReadLines(SharedData.PathOf("pin.jsonl"))
            .Where(line => line.EnumerateRunes().Any(rune => rune.Value > 0xFFFF))
            .ToList();
        Assert.NotEmpty(lines);

        foreach (var line in lines)
        {
            var pin = Assert.IsType<CleanPin>(Assert.IsType<CleanedRecord>(RecordCleaner.Clean(SharedData.Raw(Table.Pin, line))).Record);
            var json = CleanJsonWriter.ToJson(pin);

            Assert.DoesNotContain("\\uD8", json, StringComparison.OrdinalIgnoreCase);
            Assert.Contains(json.EnumerateRunes(), rune => rune.Value > 0xFFFF);
            using var document = JsonDocument.Parse(json);
            Assert.Equal(pin.Title, document.RootElement.GetProperty("title").GetString());
            Assert.Equal(pin.Description, document.RootElement.GetProperty("description").GetString());
        }
    }

    private static string Literal(string value)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer, JsonLineOptions.Writer))
        {
            JsonText.WriteStringValue(writer, value);
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }
}
