using System.Text;
using Pipeline.Actors.Records;
using Xunit;

namespace Pipeline.Actors.Tests.Records;

public class JsonLinesTests
{
    private static async Task<List<(long, string)>> Read(string text)
    {
        var lines = new List<(long, string)>();
        await foreach (var (number, line) in JsonLines.ReadAsync(new MemoryStream(Encoding.UTF8.GetBytes(text))))
            lines.Add((number, Encoding.UTF8.GetString(line)));
        return lines;
    }

    [Fact]
    public async Task Splits_on_line_feeds_drops_carriage_returns_and_skips_blank_lines()
    {
        var lines = await Read("{\"a\":1}\r\n\n  \n{\"b\":\"ğ\"}\n{\"c\":3}");

        Assert.Equal([(1L, "{\"a\":1}"), (4L, "{\"b\":\"ğ\"}"), (5L, "{\"c\":3}")], lines);
    }

    [Fact]
    public async Task Lines_longer_than_the_read_buffer_arrive_whole()
    {
        var longLine = "{\"t\":\"" + new string('x', 300_000) + "\"}";

        var lines = await Read($"{longLine}\n{{}}\n");

        Assert.Equal(longLine, lines[0].Item2);
        Assert.Equal((2L, "{}"), lines[1]);
    }
}
