using System.Text;
using System.Text.Json;
using Akka.Streams;
using Akka.Streams.Dsl;
using Pipeline.Actors.Cleaning;
using Pipeline.Actors.Lake;
using Pipeline.Actors.Records;
using Pipeline.Host.Configuration;
using Xunit;

namespace Pipeline.Host.Tests.Verbs;

public sealed class HistoryVerbTests : Akka.TestKit.Xunit2.TestKit, IDisposable
{
    private readonly string _lake = Directory.CreateTempSubdirectory("pipeline-history-").FullName;

    void IDisposable.Dispose()
    {
        Directory.Delete(_lake, recursive: true);
        base.Dispose();
    }

    /// <summary>Three posts through the cleaning stage into a folder lake: Chad has two art posts
    /// and one travel post, so art wins there with 2.</summary>
    private async Task WriteLake()
    {
        string[][] posts =
        [
            ["""{"index":1,"poster_name":"A","follower_count":"2k","category":"art"}""", """{"ind":1,"timestamp":"2020-01-01 00:00:00","latitude":1,"longitude":1,"country":"Chad"}""", """{"ind":1,"first_name":"X","last_name":"Y","age":20,"date_joined":"2016-01-01 00:00:00"}"""],
            ["""{"index":2,"poster_name":"B","follower_count":"5k","category":"art"}""", """{"ind":2,"timestamp":"2021-01-01 00:00:00","latitude":1,"longitude":1,"country":"Chad"}""", """{"ind":2,"first_name":"Z","last_name":"W","age":30,"date_joined":"2017-01-01 00:00:00"}"""],
            ["""{"index":3,"poster_name":"C","follower_count":"1M","category":"travel"}""", """{"ind":3,"timestamp":"2021-06-01 00:00:00","latitude":1,"longitude":1,"country":"Chad"}""", """{"ind":3,"first_name":"Q","last_name":"R","age":40,"date_joined":"2017-05-01 00:00:00"}"""],
        ];
        var entries = posts.SelectMany((post, i) => post.Select((json, table) =>
        {
            var raw = new RawRecord((Table)table, Encoding.UTF8.GetBytes(json), new SourcePosition("kafka:c/u." + ((Table)table).Name(), "0", i.ToString(), DateTimeOffset.UnixEpoch));
            return new LakeEntry(raw, RecordCleaner.Clean(raw));
        }));
        var settings = LakeSettings.FromConfig(EngineConfig.Load(journal: "sqlite"));
        await Source.From(entries).Via(LakeSink.Create(new FolderLakeStore(_lake), settings with { RotateIdle = TimeSpan.FromMilliseconds(100) }))
            .Take(3)
            .RunWith(Sink.Ignore<SourcePosition>(), Sys.Materializer());
    }

    [Fact]
    public async Task Prints_a_metric_over_a_folder_lake_as_a_json_table()
    {
        await WriteLake();

        var run = await VerbRun.Of("history", "--lake", _lake, "--metric", "category_by_country");

        Assert.Equal(0, run.ExitCode);
        Assert.Equal("""{"metric":"category_by_country","columns":["country","category","category_count"],"rows":[["Chad","art",2]]}""",
            JsonSerializer.Serialize(JsonDocument.Parse(run.Out).RootElement));
    }

    [Fact]
    public async Task Writes_every_metric_as_csv_files()
    {
        await WriteLake();
        var output = Path.Combine(_lake, "out");

        var run = await VerbRun.Of("history", "--lake", _lake, "--out", output, "--format", "csv");

        Assert.Equal(0, run.ExitCode);
        Assert.Equal(9, Directory.GetFiles(output, "*.csv").Length);
        Assert.Equal("country,poster_name,follower_count\nChad,C,1000000\n", File.ReadAllText(Path.Combine(output, "top_country.csv")));
    }

    [Theory]
    [InlineData("history")]
    [InlineData("history", "--lake", "/nonexistent-lake")]
    [InlineData("history", "--lake", ".", "--metric", "nope")]
    [InlineData("history", "--lake", ".", "--format", "xml")]
    public async Task Usage_errors_exit_2(params string[] args) => Assert.Equal(2, (await VerbRun.Of(args)).ExitCode);
}
