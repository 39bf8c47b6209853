using System.Text;
using Pipeline.Actors.Cleaning;
using Pipeline.Actors.Records;
using Xunit;

namespace Pipeline.Actors.Tests.Cleaning;

public sealed class RecordCleanerQuarantineTests
{
    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("not json")]
    [InlineData("{\"ind\": 1,")]
    [InlineData("{\"ind\": 1")]
    [InlineData("{\"ind\": 1} {\"ind\": 2}")]
    [InlineData("{\"ind\": 1}x")]
    [InlineData("{ind: 1}")]
    [InlineData("{\"ind\": 1,}")]
    [InlineData("{\"ind\": 1, \"title\": \"unterminated}")]
    [InlineData("[1, 2")]
    [InlineData("{\"ind\": 01}")]
    [InlineData("{\"ind\": 1, \"title\": \"\\uD800\"}")]
    [InlineData("{\"ind\": 1, \"title\": \"\\uDC00x\"}")]
    [InlineData("{\"ind\": 1, \"title\": \"\\uZZZZ\"}")]
    [InlineData("{\"\\uD800\": 1, \"ind\": 1}")]
    public void Text_that_is_not_json_is_malformed(string text) =>
        AssertQuarantined(Table.Pin, text, QuarantineReason.MalformedJson);

    [Fact]
    public void Invalid_utf8_in_a_string_is_malformed()
    {
        var bytes = Encoding.UTF8.GetBytes("{\"ind\": 1, \"title\": \"ab\"}");
        bytes[Array.IndexOf(bytes, (byte)'a')] = 0xFF;

        var outcome = RecordCleaner.Clean(new RawRecord(Table.Pin, bytes, Position));

        Assert.Equal(QuarantineReason.MalformedJson, Assert.IsType<QuarantinedRecord>(outcome).Reason);
    }

    [Theory]
    [InlineData("[1, 2]", "array")]
    [InlineData("\"text\"", "string")]
    [InlineData("42", "number")]
    [InlineData("true", "boolean")]
    [InlineData("null", "null")]
    [InlineData("[{\"ind\": 1}]", "array")]
    public void A_json_value_other_than_an_object_is_not_an_object(string text, string kind)
    {
        var entry = AssertQuarantined(Table.Geo, text, QuarantineReason.NotAnObject);
        Assert.Contains(kind, entry.Detail, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{}")]
    [InlineData("{\"title\": \"x\"}")]
    [InlineData("{\"ind\": null}")]
    [InlineData("{\"Ind\": 5}")]
    [InlineData("{\"nested\": {\"ind\": 5}}")]
    public void A_record_without_post_index_is_missing_index(string text) =>
        AssertQuarantined(Table.User, text, QuarantineReason.MissingIndex);

    [Theory]
    [InlineData("{\"ind\": -1}", "negative")]
    [InlineData("{\"ind\": \"-3\"}", "negative")]
    [InlineData("{\"ind\": 1.5}", "not a whole number")]
    [InlineData("{\"ind\": \"7528.25\"}", "not a whole number")]
    [InlineData("{\"ind\": \"abc\"}", "not a number")]
    [InlineData("{\"ind\": \"\"}", "not a number")]
    [InlineData("{\"ind\": 99999999999999999999}", "too large")]
    [InlineData("{\"ind\": true}", "boolean")]
    [InlineData("{\"ind\": {\"value\": 1}}", "object")]
    [InlineData("{\"ind\": [1]}", "array")]
    [InlineData("{\"index\": 1, \"ind\": 2}", "two different post indexes")]
    [InlineData("{\"ind\": 1, \"ind\": 2}", "two different post indexes")]
    [InlineData("{\"ind\": -1, \"index\": 5}", "negative")]
    public void A_post_index_that_is_not_a_non_negative_whole_number_is_invalid(string text, string detail)
    {
        var entry = AssertQuarantined(Table.Pin, text, QuarantineReason.InvalidIndex);
        Assert.Contains(detail, entry.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void A_record_over_one_mebibyte_is_too_large_and_keeps_a_prefix()
    {
        var padding = new string('é', RecordCleaner.MaxRecordBytes / 2);
        var text = $"{{\"ind\": 1, \"description\": \"{padding}\"}}";
        var raw = new RawRecord(Table.Pin, Encoding.UTF8.GetBytes(text), Position);

        var entry = Assert.IsType<QuarantinedRecord>(RecordCleaner.Clean(raw));

        Assert.Equal(QuarantineReason.TooLarge, entry.Reason);
        Assert.StartsWith("{\"ind\": 1, \"description\": \"ééé", entry.RawText, StringComparison.Ordinal);
        Assert.DoesNotContain('\uFFFD', entry.RawText);
        Assert.InRange(Encoding.UTF8.GetByteCount(entry.RawText), RecordCleaner.TooLargeKeptBytes - 1, RecordCleaner.TooLargeKeptBytes);
        Assert.Contains(raw.Value.Length.ToString(System.Globalization.CultureInfo.InvariantCulture), entry.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void A_record_of_exactly_one_mebibyte_is_cleaned()
    {
        var prefix = "{\"ind\": 1, \"country\": \"";
        var text = prefix + new string('x', RecordCleaner.MaxRecordBytes - prefix.Length - 2) + "\"}";
        var raw = new RawRecord(Table.Geo, Encoding.UTF8.GetBytes(text), Position);
        Assert.Equal(RecordCleaner.MaxRecordBytes, raw.Value.Length);

        var clean = Assert.IsType<CleanedRecord>(RecordCleaner.Clean(raw));

        Assert.Equal(RecordCleaner.MaxRecordBytes - prefix.Length - 2, Assert.IsType<CleanGeo>(clean.Record).Country!.Length);
    }

    [Fact]
    public void Quarantine_keeps_table_position_and_raw_text()
    {
        const string text = "{\"ind\": \"seven\", \"title\": \"Aydoğdu\"}";

        var entry = Assert.IsType<QuarantinedRecord>(RecordCleaner.Clean(new RawRecord(Table.Pin, Encoding.UTF8.GetBytes(text), Position)));

        Assert.Equal(Table.Pin, entry.Table);
        Assert.Equal(Position, entry.Position);
        Assert.Equal(text, entry.RawText);
    }

    [Theory]
    [InlineData(QuarantineReason.MalformedJson, "malformed_json")]
    [InlineData(QuarantineReason.NotAnObject, "not_an_object")]
    [InlineData(QuarantineReason.MissingIndex, "missing_index")]
    [InlineData(QuarantineReason.InvalidIndex, "invalid_index")]
    [InlineData(QuarantineReason.TooLarge, "too_large")]
    public void Each_reason_has_its_wire_code(QuarantineReason reason, string code) => Assert.Equal(code, reason.Code());

    private static readonly SourcePosition Position = new("kafka:test.pin", "3", "1234", DateTimeOffset.UnixEpoch);

    private static QuarantinedRecord AssertQuarantined(Table table, string text, QuarantineReason reason)
    {
        var outcome = RecordCleaner.Clean(new RawRecord(table, Encoding.UTF8.GetBytes(text), Position));
        var entry = Assert.IsType<QuarantinedRecord>(outcome);
        Assert.Equal(reason, entry.Reason);
        Assert.False(string.IsNullOrWhiteSpace(entry.Detail));
        return entry;
    }
}
