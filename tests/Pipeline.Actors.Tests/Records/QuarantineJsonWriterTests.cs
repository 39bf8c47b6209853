using System.Buffers;
using System.Text;
using Pipeline.Actors.Cleaning;
using Pipeline.Actors.Records;
using Pipeline.Actors.Tests.Cleaning;
using Xunit;

namespace Pipeline.Actors.Tests.Records;

public sealed class QuarantineJsonWriterTests
{
    [Fact]
    public void Entry_is_table_reason_detail_raw()
    {
        var entry = Assert.IsType<QuarantinedRecord>(RecordCleaner.Clean(SharedData.Raw(Table.Pin, "{\"index\": -4, \"title\": \"Aydoğdu\"}")));

        var buffer = new ArrayBufferWriter<byte>();
        QuarantineJsonWriter.WriteLine(buffer, entry);

        Assert.Equal(
            "{\"table\":\"pin\",\"reason\":\"invalid_index\",\"detail\":\"the index -4 is negative\",\"raw\":\"{\\\"index\\\": -4, \\\"title\\\": \\\"Aydoğdu\\\"}\"}\n",
            Encoding.UTF8.GetString(buffer.WrittenSpan));
    }

    [Fact]
    public void Raw_text_that_is_not_json_round_trips()
    {
        const string raw = "{\"ind\": 1,\n\t\"oops";
        var entry = Assert.IsType<QuarantinedRecord>(RecordCleaner.Clean(SharedData.Raw(Table.Geo, raw)));

        using var document = System.Text.Json.JsonDocument.Parse(QuarantineJsonWriter.ToJson(entry));

        Assert.Equal("geo", document.RootElement.GetProperty("table").GetString());
        Assert.Equal("malformed_json", document.RootElement.GetProperty("reason").GetString());
        Assert.Equal(raw, document.RootElement.GetProperty("raw").GetString());
    }
}
