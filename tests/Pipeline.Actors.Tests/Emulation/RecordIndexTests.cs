using Pipeline.Actors.Emulation;
using Xunit;

namespace Pipeline.Actors.Tests.Emulation;

public class RecordIndexTests
{
    [Theory]
    [InlineData("{\"index\": 12, \"title\": \"x\"}", 12L)]
    [InlineData("{\"ind\": 7528, \"country\": \"Chad\"}", 7528L)]
    [InlineData("{\"ind\": \"7528\", \"age\": \"36\"}", 7528L)]
    [InlineData("{\"country\": {\"ind\": 3}, \"ind\": 4}", 4L)]
    [InlineData("{\"ind\": 5, \"timestamp\": \"2020-01-0", 5L)]
    public void Reads_the_top_level_index_even_of_a_cut_record(string record, long expected)
    {
        Assert.Equal(expected, RecordIndex.Read(record));
    }

    [Theory]
    [InlineData("{\"ind\": -3, \"country\": \"Chad\"}")]
    [InlineData("{\"country\": \"Chad\"}")]
    [InlineData("[{\"ind\": 3}]")]
    [InlineData("\"{\\\"ind\\\": 3}\"")]
    [InlineData("{\"ind\": 2.5}")]
    [InlineData("{\"ind\": \"-3\"}")]
    [InlineData("{\"ind\": 3")]
    [InlineData("not json")]
    [InlineData("")]
    public void Has_no_index_for_records_that_carry_no_readable_one(string record)
    {
        Assert.Null(RecordIndex.Read(record));
    }
}
