using System.Buffers;
using System.Text;
using Pipeline.Actors.Cleaning;
using Pipeline.Actors.Records;
using Pipeline.Actors.Tests.Cleaning;
using Xunit;

namespace Pipeline.Actors.Tests.Records;

/// <summary>The exact clean JSON line of real rows, written out by hand from the rules.</summary>
public sealed class CleanJsonWriterTests
{
    public static TheoryData<string, Table, string, string> RealRows => new()
    {
        {
            "pin.jsonl", Table.Pin, "\"index\": 1,",
            "{\"ind\":1,\"unique_id\":\"79dbcedb-4f96-4fcc-bcb2-70dc82f646e1\",\"title\":\"Meet The Enigmatic Aykut Aydoğdu Illustrations\","
            + "\"description\":\"This Turkish, Istanbul-based illustrator Aykut Aydoğdu has developed a unique style creating surreal, enigmatic illustrations that reflect the most intense and incomprehensible…\","
            + "\"follower_count\":2000000,\"poster_name\":\"Bored Panda\","
            + "\"tag_list\":[\"Surealism Art\",\"Surreal Artwork\",\"Artwork Paintings\",\"Digital Paintings\",\"Illustrator\",\"Psy Art\",\"Illustration Vector\",\"Portrait Illustration\",\"Art Illustrations\"],"
            + "\"is_image_or_video\":\"image\",\"image_src\":\"https://i.pinimg.com/originals/ae/99/06/ae9906f31466e095dff2e29e57df92a0.jpg\","
            + "\"save_location\":\"/data/art\",\"category\":\"art\",\"downloaded\":true}"
        },
        {
            "pin.jsonl", Table.Pin, "\"index\": 302,",
            "{\"ind\":302,\"unique_id\":\"72c5e48f-2413-4c40-8724-71c11a87e80b\",\"title\":null,\"description\":null,\"follower_count\":null,"
            + "\"poster_name\":null,\"tag_list\":null,\"is_image_or_video\":\"multi-video(story page format)\",\"image_src\":null,"
            + "\"save_location\":\"/data/art\",\"category\":\"art\",\"downloaded\":false}"
        },
        {
            "pin_partial.jsonl", Table.Pin, "\"index\": 216,",
            "{\"ind\":216,\"unique_id\":\"62c9d521-6699-4cbf-b006-bdac67092139\",\"title\":null,\"description\":null,\"follower_count\":null,"
            + "\"poster_name\":null,\"tag_list\":null,\"is_image_or_video\":\"multi-video(story page format)\",\"image_src\":null,"
            + "\"save_location\":\"/data/art\",\"category\":\"art\",\"downloaded\":false}"
        },
        {
            "pin_partial.jsonl", Table.Pin, "\"index\": 0,",
            "{\"ind\":0,\"unique_id\":\"31af679a-6e4f-426f-9fef-734309348d0e\",\"title\":\"Vanessa-Stockard-Kevin-The-Kitten\","
            + "\"description\":\"Few would argue if we said that pets are an endless source of joy and happiness in our lives. Therefore, there is no surprise people are trying to immortalize them in every way…\","
            + "\"follower_count\":2000000,\"poster_name\":\"Bored Panda\","
            + "\"tag_list\":[\"Pretty Art\",\"Cute Art\",\"Black Cat Painting\",\"Wow Art\",\"Weird Art\",\"Elements Of Art\",\"Aesthetic Art\",\"Amazing Art\",\"Awesome\"],"
            + "\"is_image_or_video\":\"image\",\"image_src\":\"https://i.pinimg.com/originals/a2/20/89/a22089516558ea682e022020f139ef72.jpg\","
            + "\"save_location\":\"/data/art\",\"category\":\"art\",\"downloaded\":null}"
        },
        {
            "geo.jsonl", Table.Geo, "\"ind\": 7528,",
            "{\"ind\":7528,\"country\":\"Albania\",\"coordinates\":[-89.9787,-173.293],\"timestamp\":\"2020-08-28T03:52:47Z\"}"
        },
        {
            "geo.jsonl", Table.Geo, "\"ind\": 0,",
            "{\"ind\":0,\"country\":\"Albania\",\"coordinates\":[-88.8298,-170.188],\"timestamp\":\"2019-01-01T07:21:13Z\"}"
        },
        {
            "user.jsonl", Table.User, "\"ind\": 7528,",
            "{\"ind\":7528,\"user_name\":\"Abigail Ali\",\"age\":20,\"date_joined\":\"2015-10-24T11:23:51Z\"}"
        },
        {
            "user.jsonl", Table.User, "\"ind\": 2,",
            "{\"ind\":2,\"user_name\":\"Jesse Daniels\",\"age\":32,\"date_joined\":\"2016-05-28T21:22:35Z\"}"
        },
    };

    [Theory]
    [MemberData(nameof(RealRows))]
    public void Real_row_cleans_to_exactly_this_line(string file, Table table, string rowMarker, string expected)
    {
        var line = File.ReadLines(SharedData.PathOf(file)).Single(text => text.StartsWith("{" + rowMarker, StringComparison.Ordinal));
        var clean = Assert.IsType<CleanedRecord>(RecordCleaner.Clean(SharedData.Raw(table, line)));

        var buffer = new ArrayBufferWriter<byte>();
        CleanJsonWriter.WriteLine(buffer, clean.Record);

        Assert.Equal(Encoding.UTF8.GetBytes(expected + "\n"), buffer.WrittenSpan.ToArray());
    }

    [Fact]
    public void Nulls_and_fractions_of_seconds_are_written()
    {
        var geo = new CleanGeo(9, null, null, new DateTimeOffset(2020, 8, 28, 3, 52, 47, TimeSpan.Zero).AddTicks(1_250_000));
        var user = new CleanUser(9, null, null, null);

        Assert.Equal("{\"ind\":9,\"country\":null,\"coordinates\":null,\"timestamp\":\"2020-08-28T03:52:47.125Z\"}", CleanJsonWriter.ToJson(geo));
        Assert.Equal("{\"ind\":9,\"user_name\":null,\"age\":null,\"date_joined\":null}", CleanJsonWriter.ToJson(user));
    }

    [Fact]
    public void Instants_with_an_offset_are_written_in_utc()
    {
        var user = new CleanUser(1, "A", 30, new DateTimeOffset(2020, 8, 28, 5, 52, 47, TimeSpan.FromHours(2)));

        Assert.Equal("{\"ind\":1,\"user_name\":\"A\",\"age\":30,\"date_joined\":\"2020-08-28T03:52:47Z\"}", CleanJsonWriter.ToJson(user));
    }

    [Fact]
    public void Text_needing_escapes_stays_valid_json_and_non_ascii_stays_readable()
    {
        var pin = new CleanPin(1, null, "Say \"hi\"\\ ₹5000 ç\n", null, null, null, ["a\"b"], null, null, null, null, null);

        var json = CleanJsonWriter.ToJson(pin);

        Assert.Contains("\"title\":\"Say \\\"hi\\\"\\\\ ₹5000 ç\\n\"", json, StringComparison.Ordinal);
        Assert.Contains("\"tag_list\":[\"a\\\"b\"]", json, StringComparison.Ordinal);
        using var document = System.Text.Json.JsonDocument.Parse(json);
        Assert.Equal("Say \"hi\"\\ ₹5000 ç\n", document.RootElement.GetProperty("title").GetString());
    }

    [Fact]
    public void Stream_form_writes_one_line_per_record()
    {
        using var stream = new MemoryStream();
        CleanJsonWriter.WriteLine(stream, new CleanUser(1, "A", 30, null));
        CleanJsonWriter.WriteLine(stream, new CleanUser(2, "B", 31, null));

        Assert.Equal(
            "{\"ind\":1,\"user_name\":\"A\",\"age\":30,\"date_joined\":null}\n{\"ind\":2,\"user_name\":\"B\",\"age\":31,\"date_joined\":null}\n",
            Encoding.UTF8.GetString(stream.ToArray()));
    }
}
