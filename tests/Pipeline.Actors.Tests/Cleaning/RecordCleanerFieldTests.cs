using Pipeline.Actors.Cleaning;
using Pipeline.Actors.Records;
using Xunit;

namespace Pipeline.Actors.Tests.Cleaning;

public sealed class RecordCleanerFieldTests
{
    [Fact]
    public void Pin_index_becomes_ind_and_ind_is_accepted_too()
    {
        Assert.Equal(7528, Pin("{\"index\": 7528}").Record.Ind);
        Assert.Equal(7528, Pin("{\"ind\": 7528}").Record.Ind);
        Assert.Equal(7528, Pin("{\"index\": 7528, \"ind\": 7528}").Record.Ind);
        Assert.Equal(7528, Geo("{\"index\": 7528}").Record.Ind);
    }

    [Theory]
    [InlineData("{\"ind\": \"7528\"}")]
    [InlineData("{\"ind\": \" 7528 \"}")]
    [InlineData("{\"ind\": 7528.0}")]
    [InlineData("{\"ind\": 7.528e3}")]
    [InlineData("{\"ind\": \"7528.0\"}")]
    public void Post_index_sent_as_string_or_whole_real_is_read(string json) => Assert.Equal(7528, User(json).Record.Ind);

    [Fact]
    public void Numbers_sent_as_strings_are_read()
    {
        var user = User("{\"ind\": \"1\", \"age\": \"36\"}").Record;
        var pin = Pin("{\"index\": \"1\", \"downloaded\": \"1\"}").Record;
        var geo = Geo("{\"ind\": 1, \"latitude\": \"-88.8298\", \"longitude\": \" -170.188 \"}").Record;

        Assert.Equal(36, user.Age);
        Assert.True(pin.Downloaded);
        Assert.Equal(new Coordinates(-88.8298, -170.188), geo.Coordinates);
    }

    [Fact]
    public void Strings_sent_as_numbers_are_read()
    {
        var pin = Pin("{\"index\": 1, \"title\": 1984, \"follower_count\": 2000, \"poster_name\": 42.5}").Record;
        var geo = Geo("{\"ind\": 1, \"country\": 7}").Record;

        Assert.Equal("1984", pin.Title);
        Assert.Equal(2000, pin.FollowerCount);
        Assert.Equal("42.5", pin.PosterName);
        Assert.Equal("7", geo.Country);
    }

    [Fact]
    public void Downloaded_accepts_numbers_strings_and_booleans()
    {
        Assert.True(Pin("{\"index\": 1, \"downloaded\": 1}").Record.Downloaded);
        Assert.False(Pin("{\"index\": 1, \"downloaded\": 0}").Record.Downloaded);
        Assert.False(Pin("{\"index\": 1, \"downloaded\": \"0\"}").Record.Downloaded);
        Assert.True(Pin("{\"index\": 1, \"downloaded\": true}").Record.Downloaded);
        Assert.Contains(new FieldIssue("downloaded", "unparseable"), Pin("{\"index\": 1, \"downloaded\": 2}").Issues);
        Assert.Contains(new FieldIssue("downloaded", "unparseable"), Pin("{\"index\": 1, \"downloaded\": \"yes\"}").Issues);
    }

    [Fact]
    public void A_complete_pin_is_cleaned_field_by_field()
    {
        var clean = Pin("""
            {"index": 5, "unique_id": " abc ", "title": "T\u00a0", "description": "D", "poster_name": "P",
             "follower_count": "1.5k", "tag_list": "a, b,,c", "is_image_or_video": "image", "image_src": "https://x/y.jpg",
             "downloaded": 1, "save_location": "Local save in /data/finance", "category": "finance"}
            """);

        Assert.Empty(clean.Issues);
        Assert.Equal(
            new CleanPin(5, "abc", "T", "D", 1500, "P", clean.Record.TagList, "image", "https://x/y.jpg", "/data/finance", "finance", true),
            clean.Record);
        Assert.Equal(["a", "b", "c"], clean.Record.TagList);
    }

    [Fact]
    public void Placeholders_are_nulled_and_reported()
    {
        var clean = Pin("""
            {"index": 302, "unique_id": "u", "title": "No Title Data Available", "description": "No description available Story format",
             "poster_name": "User Info Error", "follower_count": "User Info Error", "tag_list": "N,o, ,T,a,g,s, ,A,v,a,i,l,a,b,l,e",
             "is_image_or_video": "multi-video(story page format)", "image_src": "Image src error.", "downloaded": 0,
             "save_location": "Local save in /data/art", "category": "art"}
            """);

        Assert.Equal(
            [
                new FieldIssue("title", "placeholder"),
                new FieldIssue("description", "placeholder"),
                new FieldIssue("follower_count", "placeholder"),
                new FieldIssue("poster_name", "placeholder"),
                new FieldIssue("tag_list", "placeholder"),
                new FieldIssue("image_src", "placeholder"),
            ],
            clean.Issues);
        Assert.Equal(new CleanPin(302, "u", null, null, null, null, null, "multi-video(story page format)", null, "/data/art", "art", false), clean.Record);
    }

    [Fact]
    public void Missing_and_null_fields_are_reported_as_missing_in_field_order()
    {
        var clean = Pin("{\"index\": 1, \"title\": null, \"category\": \"art\"}");

        Assert.Equal(
            ["unique_id", "title", "description", "follower_count", "poster_name", "tag_list", "is_image_or_video", "image_src", "save_location", "downloaded"],
            clean.Issues.Select(issue => issue.Field));
        Assert.All(clean.Issues, issue => Assert.Equal("missing", issue.Reason));
    }

    [Theory]
    [InlineData("{\"ind\": 1, \"country\": \"Albania\", \"latitude\": 95.5, \"longitude\": 10, \"timestamp\": \"2020-08-28 03:52:47\"}", "coordinates", "out_of_range")]
    [InlineData("{\"ind\": 1, \"country\": \"Albania\", \"latitude\": 10, \"longitude\": -180.5, \"timestamp\": \"2020-08-28 03:52:47\"}", "coordinates", "out_of_range")]
    [InlineData("{\"ind\": 1, \"country\": \"Albania\", \"latitude\": \"north\", \"longitude\": 1, \"timestamp\": \"2020-08-28 03:52:47\"}", "coordinates", "unparseable")]
    [InlineData("{\"ind\": 1, \"country\": \"Albania\", \"latitude\": 1, \"timestamp\": \"2020-08-28 03:52:47\"}", "coordinates", "missing")]
    [InlineData("{\"ind\": 1, \"country\": \"Albania\", \"latitude\": [1], \"longitude\": 1, \"timestamp\": \"2020-08-28 03:52:47\"}", "coordinates", "wrong_type")]
    [InlineData("{\"ind\": 1, \"country\": \"Albania\", \"latitude\": 1e400, \"longitude\": 1, \"timestamp\": \"2020-08-28 03:52:47\"}", "coordinates", "out_of_range")]
    [InlineData("{\"ind\": 1, \"country\": \"Albania\", \"latitude\": 1, \"longitude\": 1, \"timestamp\": \"28/08/2020\"}", "timestamp", "unparseable")]
    [InlineData("{\"ind\": 1, \"country\": \"Albania\", \"latitude\": 1, \"longitude\": 1, \"timestamp\": 1598586767}", "timestamp", "unparseable")]
    [InlineData("{\"ind\": 1, \"country\": \" \", \"latitude\": 1, \"longitude\": 1, \"timestamp\": \"2020-08-28 03:52:47\"}", "country", "empty")]
    [InlineData("{\"ind\": 1, \"country\": {\"name\": \"Albania\"}, \"latitude\": 1, \"longitude\": 1, \"timestamp\": \"2020-08-28 03:52:47\"}", "country", "wrong_type")]
    public void A_geo_field_problem_nulls_only_that_field(string json, string field, string reason)
    {
        var clean = Geo(json);

        Assert.Equal([new FieldIssue(field, reason)], clean.Issues);
        var geo = clean.Record;
        Assert.Equal(field == "country", geo.Country is null);
        Assert.Equal(field == "coordinates", geo.Coordinates is null);
        Assert.Equal(field == "timestamp", geo.Timestamp is null);
    }

    [Theory]
    [InlineData("{\"ind\": 1, \"first_name\": \"A\", \"last_name\": \"B\", \"age\": 0, \"date_joined\": \"2015-10-24 11:23:51\"}", "age", "out_of_range")]
    [InlineData("{\"ind\": 1, \"first_name\": \"A\", \"last_name\": \"B\", \"age\": 130, \"date_joined\": \"2015-10-24 11:23:51\"}", "age", "out_of_range")]
    [InlineData("{\"ind\": 1, \"first_name\": \"A\", \"last_name\": \"B\", \"age\": \"200\", \"date_joined\": \"2015-10-24 11:23:51\"}", "age", "out_of_range")]
    [InlineData("{\"ind\": 1, \"first_name\": \"A\", \"last_name\": \"B\", \"age\": 36.5, \"date_joined\": \"2015-10-24 11:23:51\"}", "age", "unparseable")]
    [InlineData("{\"ind\": 1, \"first_name\": \"A\", \"last_name\": \"B\", \"age\": \"old\", \"date_joined\": \"2015-10-24 11:23:51\"}", "age", "unparseable")]
    [InlineData("{\"ind\": 1, \"first_name\": \"A\", \"last_name\": \"B\", \"age\": false, \"date_joined\": \"2015-10-24 11:23:51\"}", "age", "wrong_type")]
    [InlineData("{\"ind\": 1, \"first_name\": \"A\", \"last_name\": \"B\", \"age\": 30, \"date_joined\": \"yesterday\"}", "date_joined", "unparseable")]
    [InlineData("{\"ind\": 1, \"age\": 30, \"date_joined\": \"2015-10-24 11:23:51\"}", "user_name", "missing")]
    [InlineData("{\"ind\": 1, \"first_name\": [\"A\"], \"age\": 30, \"date_joined\": \"2015-10-24 11:23:51\"}", "user_name", "wrong_type")]
    public void A_user_field_problem_nulls_only_that_field(string json, string field, string reason)
    {
        var clean = User(json);

        Assert.Equal([new FieldIssue(field, reason)], clean.Issues);
        Assert.Equal(field == "user_name", clean.Record.UserName is null);
        Assert.Equal(field == "age", clean.Record.Age is null);
        Assert.Equal(field == "date_joined", clean.Record.DateJoined is null);
    }

    [Theory]
    [InlineData("\"abc\"", "unparseable")]
    [InlineData("\"1.5\"", "unparseable")]
    [InlineData("-5", "out_of_range")]
    [InlineData("1.5", "unparseable")]
    [InlineData("\"User Info Error\"", "placeholder")]
    [InlineData("{}", "wrong_type")]
    public void A_follower_count_problem_is_reported(string value, string reason)
    {
        var clean = Pin($"{{\"index\": 1, \"follower_count\": {value}}}");

        Assert.Null(clean.Record.FollowerCount);
        Assert.Contains(new FieldIssue("follower_count", reason), clean.Issues);
    }

    [Fact]
    public void Text_of_the_wrong_json_type_is_reported()
    {
        var clean = Pin("{\"index\": 1, \"title\": {\"text\": \"x\"}, \"description\": [\"x\"], \"category\": true}");

        Assert.Contains(new FieldIssue("title", "wrong_type"), clean.Issues);
        Assert.Contains(new FieldIssue("description", "wrong_type"), clean.Issues);
        Assert.Contains(new FieldIssue("category", "wrong_type"), clean.Issues);
    }

    [Fact]
    public void Unknown_fields_are_ignored_whatever_their_shape()
    {
        var clean = User("""
            {"extra": {"ind": 99, "deep": [1, {"x": null}]}, "ind": 3, "list": [1, 2], "first_name": "A", "flag": true,
             "last_name": "B", "age": 30, "date_joined": "2015-10-24 11:23:51", "n": null}
            """);

        Assert.Empty(clean.Issues);
        Assert.Equal(new CleanUser(3, "A B", 30, new DateTimeOffset(2015, 10, 24, 11, 23, 51, TimeSpan.Zero)), clean.Record);
    }

    [Fact]
    public void Escaped_names_and_values_are_read()
    {
        var clean = User("{\"\\u0069nd\": 4, \"first\\u005fname\": \"Ay\\u0064o\\u011fdu\", \"age\": 30}");

        Assert.Equal(4, clean.Record.Ind);
        Assert.Equal("Aydoğdu", clean.Record.UserName);
    }

    [Fact]
    public void Later_duplicate_field_wins()
    {
        var clean = Geo("{\"ind\": 1, \"country\": \"Albania\", \"country\": \"Algeria\"}");

        Assert.Equal("Algeria", clean.Record.Country);
    }

    [Fact]
    public void Outcome_keeps_the_source_position()
    {
        var raw = SharedData.Raw(Table.Geo, "{\"ind\": 1}", "77");

        Assert.Equal(raw.Position, RecordCleaner.Clean(raw).Position);
    }

    private static (CleanPin Record, IReadOnlyList<FieldIssue> Issues) Pin(string json) => Clean<CleanPin>(Table.Pin, json);

    private static (CleanGeo Record, IReadOnlyList<FieldIssue> Issues) Geo(string json) => Clean<CleanGeo>(Table.Geo, json);

    private static (CleanUser Record, IReadOnlyList<FieldIssue> Issues) User(string json) => Clean<CleanUser>(Table.User, json);

    private static (T Record, IReadOnlyList<FieldIssue> Issues) Clean<T>(Table table, string json) where T : ICleanRecord
    {
        var clean = Assert.IsType<CleanedRecord>(RecordCleaner.Clean(SharedData.Raw(table, json)));
        return (Assert.IsType<T>(clean.Record), clean.Issues);
    }
}
