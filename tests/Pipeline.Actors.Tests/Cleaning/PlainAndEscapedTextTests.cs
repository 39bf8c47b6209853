using System.Globalization;
using System.Text;
using System.Text.Json;
using Pipeline.Actors.Cleaning;
using Pipeline.Actors.Records;
using Xunit;

namespace Pipeline.Actors.Tests.Cleaning;

/// <summary>
/// Plain ASCII strings are cleaned from their bytes, every other string after decoding: the same
/// record with each string written as <c>\uXXXX</c> escapes must clean to exactly the same outcome.
/// </summary>
public sealed class PlainAndEscapedTextTests
{
    public static TheoryData<string, Table> Files => RealRowsTests.Files;

    [Theory]
    [MemberData(nameof(Files))]
    public void Every_real_row_cleans_alike_with_its_strings_escaped(string file, Table table)
    {
        foreach (var raw in SharedData.RawRecords(file, table))
        {
            var json = Encoding.UTF8.GetString(raw.Value.Span);
            Assert.Equal(Outcome(table, json), Outcome(table, Escaped(json)));
        }
    }

    [Theory]
    [InlineData("title", "  No Title Data Available ")]
    [InlineData("title", "\tTabbed title")]
    [InlineData("title", "No Title Data Available.")]
    [InlineData("description", "No description available ")]
    [InlineData("description", " No description available Story format")]
    [InlineData("poster_name", "   ")]
    [InlineData("poster_name", "")]
    [InlineData("image_src", " Image src error. ")]
    [InlineData("unique_id", " abc ")]
    [InlineData("tag_list", " a , b c,, ,d ")]
    [InlineData("tag_list", " , , ")]
    [InlineData("tag_list", "N,o, ,T,a,g,s, ,A,v,a,i,l,a,b,l,e ")]
    [InlineData("tag_list", "one,two,three,four,five,six,seven,eight,nine,ten,eleven,twelve")]
    [InlineData("save_location", "Local save in /data/art")]
    [InlineData("save_location", " Local save in ")]
    [InlineData("save_location", "Local save in")]
    [InlineData("save_location", "Local save inside")]
    [InlineData("save_location", "/data/art ")]
    [InlineData("category", " art ")]
    [InlineData("is_image_or_video", "multi-video(story page format)")]
    [InlineData("follower_count", " 1.5k ")]
    public void Tricky_pin_values_clean_alike_plain_and_escaped(string field, string value)
    {
        var json = $"{{\"index\": 1, \"{field}\": \"{value.Replace("\t", "\\t", StringComparison.Ordinal)}\"}}";
        Assert.Equal(Outcome(Table.Pin, json), Outcome(Table.Pin, Escaped(json)));
    }

    [Theory]
    [InlineData(Table.Geo, "{\"ind\": 1, \"country\": \" Chad \", \"timestamp\": \"2020-08-28 03:52:47\"}")]
    [InlineData(Table.Geo, "{\"ind\": 1, \"country\": \"  \"}")]
    [InlineData(Table.Geo, "{\"ind\": 1, \"timestamp\": \" 2020-08-28T05:52:47.123+02:00 \"}")]
    [InlineData(Table.Geo, "{\"ind\": 1, \"timestamp\": \"2020-08-28 03:52:47Z\"}")]
    [InlineData(Table.Geo, "{\"ind\": 1, \"timestamp\": \"2020-08-28 03:52:47+0200\"}")]
    [InlineData(Table.Geo, "{\"ind\": 1, \"timestamp\": \"2020-08-28 03:52:47+2\"}")]
    [InlineData(Table.User, "{\"ind\": 1, \"date_joined\": \"2015-10-21 21:26:45.5-05:30\"}")]
    [InlineData(Table.User, "{\"ind\": 1, \"date_joined\": \"2021-02-29 00:00:00\"}")]
    [InlineData(Table.User, "{\"ind\": 1, \"first_name\": \" Jesse \", \"last_name\": \"Daniels \"}")]
    [InlineData(Table.User, "{\"ind\": 1, \"first_name\": \" \", \"last_name\": \"Daniels\"}")]
    [InlineData(Table.User, "{\"ind\": 1, \"last_name\": \"Daniels\", \"first_name\": \"Jesse\", \"age\": \"36\"}")]
    public void Geo_and_user_values_clean_alike_plain_and_escaped(Table table, string json) =>
        Assert.Equal(Outcome(table, json), Outcome(table, Escaped(json)));

    /// <summary>The clean JSON line and the field issues, or the quarantine reason.</summary>
    private static string Outcome(Table table, string json) => RecordCleaner.Clean(SharedData.Raw(table, json)) switch
    {
        CleanedRecord clean => CleanJsonWriter.ToJson(clean.Record) + " | " + string.Join(",", clean.Issues),
        QuarantinedRecord quarantined => quarantined.Reason.ToString(),
        var other => throw new InvalidOperationException(other.ToString()),
    };

    /// <summary>The same object with every character of every string value written as an escape.</summary>
    private static string Escaped(string json)
    {
        using var document = JsonDocument.Parse(json);
        var text = new StringBuilder("{");
        foreach (var property in document.RootElement.EnumerateObject())
        {
            text.Append(text.Length > 1 ? ", " : "").Append(JsonSerializer.Serialize(property.Name)).Append(": ");
            if (property.Value.ValueKind != JsonValueKind.String)
            {
                text.Append(property.Value.GetRawText());
                continue;
            }

            text.Append('"');
            foreach (var unit in property.Value.GetString()!)
            {
                text.Append("\\u").Append(((int)unit).ToString("x4", CultureInfo.InvariantCulture));
            }

            text.Append('"');
        }

        return text.Append('}').ToString();
    }
}
