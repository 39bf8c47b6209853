using Pipeline.Actors.Records;
using Pipeline.Actors.Sources.Kinesis;
using Xunit;

namespace Pipeline.Actors.Tests.Sources.Kinesis;

public sealed class KinesisStreamNameTests
{
    [Theory]
    [InlineData("streaming-0a1b2c3d4e5f-pin", "0a1b2c3d4e5f", Table.Pin)]
    [InlineData("streaming-0a1b2c3d4e5f-geo", "0a1b2c3d4e5f", Table.Geo)]
    [InlineData("streaming-with-dashes-user", "with-dashes", Table.User)]
    public void The_suffix_names_the_table(string name, string prefix, Table table)
    {
        Assert.True(KinesisStreamName.TryParse(name, out var parsedPrefix, out var parsedTable));
        Assert.Equal((prefix, table), (parsedPrefix, parsedTable));
        Assert.Equal(name, KinesisStreamName.For(prefix, table));
    }

    [Theory]
    [InlineData("streaming--pin")]
    [InlineData("streaming-0a1b-post")]
    [InlineData("0a1b.pin")]
    [InlineData("stream-0a1b-pin")]
    public void Other_names_are_not_pipeline_streams(string name) =>
        Assert.False(KinesisStreamName.TryParse(name, out _, out _));
}
