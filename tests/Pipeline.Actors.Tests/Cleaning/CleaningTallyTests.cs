using Pipeline.Actors.Cleaning;
using Pipeline.Actors.Records;
using Xunit;

namespace Pipeline.Actors.Tests.Cleaning;

public sealed class CleaningTallyTests
{
    [Fact]
    public void Counts_clean_records_quarantine_reasons_and_field_issues_per_table()
    {
        var tally = new CleaningTally();
        tally.Add(RecordCleaner.Clean(SharedData.Raw(Table.Pin, "{\"index\": 1, \"title\": \"No Title Data Available\"}")));
        tally.Add(RecordCleaner.Clean(SharedData.Raw(Table.Pin, "{\"index\": 2, \"title\": \"t\"}")));
        tally.Add(RecordCleaner.Clean(SharedData.Raw(Table.Pin, "not json")));
        tally.Add(RecordCleaner.Clean(SharedData.Raw(Table.Geo, "{\"ind\": -1}")));

        Assert.Equal(2, tally.CleanCount(Table.Pin));
        Assert.Equal(0, tally.CleanCount(Table.Geo));
        Assert.Equal(1, tally.FieldIssueCount(Table.Pin, "title", "placeholder"));
        Assert.Equal(2, tally.FieldIssueCount(Table.Pin, "downloaded", "missing"));
        Assert.Equal(1, tally.QuarantinedCount(Table.Pin, QuarantineReason.MalformedJson));
        Assert.Equal(1, tally.QuarantinedCount(Table.Geo, QuarantineReason.InvalidIndex));
        Assert.Equal(0, tally.QuarantinedCount(Table.Pin, QuarantineReason.InvalidIndex));
    }

    [Fact]
    public void Lines_read_as_summary_lines_in_a_stable_order()
    {
        var tally = new CleaningTally();
        tally.Add(RecordCleaner.Clean(SharedData.Raw(Table.User, "{\"ind\": 1, \"first_name\": \"A\", \"age\": 200, \"date_joined\": \"2015-10-24 11:23:51\"}")));
        tally.Add(RecordCleaner.Clean(SharedData.Raw(Table.User, "[]")));
        tally.Add(RecordCleaner.Clean(SharedData.Raw(Table.Geo, "{\"ind\": 1, \"country\": \"X\", \"latitude\": 1, \"longitude\": 2, \"timestamp\": \"2020-08-28 03:52:47\"}")));

        Assert.Equal(
            ["geo clean 1", "user clean 1", "user quarantined not_an_object 1", "user age out_of_range 1"],
            tally.Lines().Select(line => line.ToString()));
    }

    [Fact]
    public void Concurrent_adds_are_all_counted()
    {
        var tally = new CleaningTally();
        var outcome = RecordCleaner.Clean(SharedData.Raw(Table.Geo, "{\"ind\": 1}"));

        Parallel.For(0, 20_000, new ParallelOptions { MaxDegreeOfParallelism = 4 }, _ => tally.Add(outcome));

        Assert.Equal(20_000, tally.CleanCount(Table.Geo));
        Assert.Equal(20_000, tally.FieldIssueCount(Table.Geo, "timestamp", "missing"));
    }
}
