using Pipeline.Actors.Records;
using Pipeline.Host.Ingest;
using Xunit;

namespace Pipeline.Host.Tests.Ingest;

public class StreamNamesTests
{
    [Theory]
    [InlineData("0a1b2c3d4e5f.pin", "0a1b2c3d4e5f", Table.Pin)]
    [InlineData("a.b.geo", "a.b", Table.Geo)]
    [InlineData("u-1.user", "u-1", Table.User)]
    public void Topics_name_a_prefix_and_a_table(string topic, string prefix, Table table)
    {
        Assert.True(StreamNames.TryParseTopic(topic, out var p, out var t));
        Assert.Equal((prefix, table), (p, t));
        Assert.Equal(topic, StreamNames.Topic(p, t));
    }

    [Theory]
    [InlineData("streaming-0a1b2c3d4e5f-pin", "0a1b2c3d4e5f", Table.Pin)]
    [InlineData("streaming-a-b-user", "a-b", Table.User)]
    public void Streams_name_a_prefix_and_a_table(string stream, string prefix, Table table)
    {
        Assert.True(StreamNames.TryParseStream(stream, out var p, out var t));
        Assert.Equal((prefix, table), (p, t));
        Assert.Equal(stream, StreamNames.Stream(p, t));
    }

    [Theory]
    [InlineData("pin")]
    [InlineData(".pin")]
    [InlineData("u1.pins")]
    [InlineData("u 1.pin")]
    public void Other_topics_are_not_ours(string topic) => Assert.False(StreamNames.TryParseTopic(topic, out _, out _));

    [Theory]
    [InlineData("streaming--pin")]
    [InlineData("stream-u1-pin")]
    [InlineData("streaming-u1-post")]
    public void Other_streams_are_not_ours(string stream) => Assert.False(StreamNames.TryParseStream(stream, out _, out _));
}
