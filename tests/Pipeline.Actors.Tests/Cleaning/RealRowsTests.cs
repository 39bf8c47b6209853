using System.Security.Cryptography;
using System.Text;
using Pipeline.Actors.Cleaning;
using Pipeline.Actors.Records;
using Xunit;

namespace Pipeline.Actors.Tests.Cleaning;

/// <summary>Every real row of the original data set, cleaned and checked against counts taken from the raw text.</summary>
public sealed class RealRowsTests
{
    public static TheoryData<string, Table> Files => new()
    {
        { "pin.jsonl", Table.Pin },
        { "pin_partial.jsonl", Table.Pin },
        { "geo.jsonl", Table.Geo },
        { "user.jsonl", Table.User },
    };

    [Theory]
    [MemberData(nameof(Files))]
    public void Every_row_cleans_without_quarantine(string file, Table table)
    {
        var outcomes = SharedData.RawRecords(file, table).Select(RecordCleaner.Clean).ToList();

        Assert.Equal(File.ReadLines(SharedData.PathOf(file)).Count(), outcomes.Count);
        Assert.All(outcomes, outcome => Assert.IsType<CleanedRecord>(outcome));
    }

    [Theory]
    [MemberData(nameof(Files))]
    public void Clean_output_is_valid_json_in_contract_order(string file, Table table)
    {
        var expectedOrder = table switch
        {
            Table.Pin => new[] { "ind", "unique_id", "title", "description", "follower_count", "poster_name", "tag_list", "is_image_or_video", "image_src", "save_location", "category", "downloaded" },
            Table.Geo => ["ind", "country", "coordinates", "timestamp"],
            _ => ["ind", "user_name", "age", "date_joined"],
        };

        foreach (var raw in SharedData.RawRecords(file, table))
        {
            var clean = Assert.IsType<CleanedRecord>(RecordCleaner.Clean(raw));
            using var document = System.Text.Json.JsonDocument.Parse(CleanJsonWriter.ToJson(clean.Record));
            Assert.Equal(expectedOrder, document.RootElement.EnumerateObject().Select(property => property.Name));
        }
    }

    /// <summary>
    /// The clean lines and field issues of every real row, pinned byte for byte: any change to what
    /// cleaning makes of the real rows, however small, has to be made here on purpose.
    /// </summary>
    [Theory]
    [InlineData("pin.jsonl", Table.Pin, "21f7bef1ac291067cc2130049ae72e3165e2b0a15ce3db247460b300f0e5b77a")]
    [InlineData("pin_partial.jsonl", Table.Pin, "1e878bb0f16734aacefb7219e5eb9cf94fed1f753ea4b3fbbd4f63f2b3bb9c55")]
    [InlineData("geo.jsonl", Table.Geo, "978ba6f631c90bddbdd645c3537b9d4a7b10140e74d8aed1646097b8d22766db")]
    [InlineData("user.jsonl", Table.User, "8a43ca3cd5998b6cc0a813b682a5dfef374fdcd61ea37e988b94c7ae2a7db4de")]
    public void Clean_output_of_the_real_rows_is_unchanged(string file, Table table, string sha256)
    {
        var text = new StringBuilder();
        foreach (var raw in SharedData.RawRecords(file, table))
        {
            var clean = Assert.IsType<CleanedRecord>(RecordCleaner.Clean(raw));
            text.Append(CleanJsonWriter.ToJson(clean.Record)).Append('\t')
                .AppendJoin(',', clean.Issues.Select(issue => $"{issue.Field}:{issue.Reason}")).Append('\n');
        }

        Assert.Equal(sha256, Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString()))));
    }

    [Fact]
    public void Pin_nulls_per_field_equal_the_placeholders_and_gaps_in_the_raw_files()
    {
        var lines = PinLines();
        var expected = new Dictionary<string, int>
        {
            ["title"] = Count(lines, "\"title\": \"No Title Data Available\"") + Count(lines, "\"title\": \"\""),
            ["description"] = Count(lines, "\"description\": \"No description available Story format\"")
                + Count(lines, "\"description\": \"No description available\""),
            ["poster_name"] = Count(lines, "\"poster_name\": \"User Info Error\"") + lines.Count(line => !line.Contains("\"poster_name\":", StringComparison.Ordinal)),
            ["follower_count"] = Count(lines, "\"follower_count\": \"User Info Error\""),
            ["tag_list"] = Count(lines, "\"tag_list\": \"N,o, ,T,a,g,s, ,A,v,a,i,l,a,b,l,e\""),
            ["image_src"] = Count(lines, "\"image_src\": \"Image src error.\""),
            ["downloaded"] = lines.Count(line => !line.Contains("\"downloaded\":", StringComparison.Ordinal)),
            ["unique_id"] = 0,
            ["is_image_or_video"] = 0,
            ["save_location"] = 0,
            ["category"] = 0,
        };

        var pins = PinRecords().ToList();
        var actual = new Dictionary<string, int>
        {
            ["title"] = pins.Count(pin => pin.Title is null),
            ["description"] = pins.Count(pin => pin.Description is null),
            ["poster_name"] = pins.Count(pin => pin.PosterName is null),
            ["follower_count"] = pins.Count(pin => pin.FollowerCount is null),
            ["tag_list"] = pins.Count(pin => pin.TagList is null),
            ["image_src"] = pins.Count(pin => pin.ImageSrc is null),
            ["downloaded"] = pins.Count(pin => pin.Downloaded is null),
            ["unique_id"] = pins.Count(pin => pin.UniqueId is null),
            ["is_image_or_video"] = pins.Count(pin => pin.IsImageOrVideo is null),
            ["save_location"] = pins.Count(pin => pin.SaveLocation is null),
            ["category"] = pins.Count(pin => pin.Category is null),
        };

        Assert.Equal(expected.OrderBy(pair => pair.Key), actual.OrderBy(pair => pair.Key));
        Assert.True(expected["description"] > 400 && expected["downloaded"] > 600, "the raw files hold the known placeholders");
    }

    [Fact]
    public void Tally_of_the_pin_files_counts_each_reason()
    {
        var lines = PinLines();
        var tally = new CleaningTally();
        foreach (var raw in SharedData.RawRecords("pin.jsonl", Table.Pin).Concat(SharedData.RawRecords("pin_partial.jsonl", Table.Pin)))
        {
            tally.Add(RecordCleaner.Clean(raw));
        }

        Assert.Equal(lines.Count, tally.CleanCount(Table.Pin));
        Assert.Equal(Count(lines, "\"title\": \"No Title Data Available\""), tally.FieldIssueCount(Table.Pin, "title", "placeholder"));
        Assert.Equal(Count(lines, "\"title\": \"\""), tally.FieldIssueCount(Table.Pin, "title", "empty"));
        Assert.Equal(Count(lines, "\"follower_count\": \"User Info Error\""), tally.FieldIssueCount(Table.Pin, "follower_count", "placeholder"));
        Assert.Equal(lines.Count(line => !line.Contains("\"downloaded\":", StringComparison.Ordinal)), tally.FieldIssueCount(Table.Pin, "downloaded", "missing"));
    }

    [Fact]
    public void Geo_and_user_rows_are_complete_after_cleaning()
    {
        var geos = SharedData.RawRecords("geo.jsonl", Table.Geo).Select(Clean<CleanGeo>).ToList();
        var users = SharedData.RawRecords("user.jsonl", Table.User).Select(Clean<CleanUser>).ToList();

        Assert.All(geos, geo => Assert.True(geo.Country is not null && geo.Coordinates is not null && geo.Timestamp is not null));
        Assert.All(users, user => Assert.True(user.UserName is not null && user.Age is not null && user.DateJoined is not null));
        Assert.All(geos.Select(geo => geo.Timestamp!.Value), timestamp => Assert.Equal(TimeSpan.Zero, timestamp.Offset));
    }

    [Fact]
    public void Follower_counts_of_the_real_rows_are_all_parsed_except_the_placeholder()
    {
        var lines = PinLines();
        var pins = PinRecords().ToList();

        Assert.Equal(lines.Count - Count(lines, "\"follower_count\": \"User Info Error\""), pins.Count(pin => pin.FollowerCount is not null));
        Assert.All(pins.Where(pin => pin.FollowerCount is not null), pin => Assert.InRange(pin.FollowerCount!.Value, 0, 100_000_000));
    }

    private static List<string> PinLines() =>
        File.ReadLines(SharedData.PathOf("pin.jsonl")).Concat(File.ReadLines(SharedData.PathOf("pin_partial.jsonl"))).ToList();

    private static IEnumerable<CleanPin> PinRecords() =>
        SharedData.RawRecords("pin.jsonl", Table.Pin).Concat(SharedData.RawRecords("pin_partial.jsonl", Table.Pin)).Select(Clean<CleanPin>);

    private static T Clean<T>(RawRecord raw) where T : ICleanRecord =>
        Assert.IsType<T>(Assert.IsType<CleanedRecord>(RecordCleaner.Clean(raw)).Record);

    private static int Count(IEnumerable<string> lines, string fragment) =>
        lines.Count(line => line.Contains(fragment, StringComparison.Ordinal));
}
