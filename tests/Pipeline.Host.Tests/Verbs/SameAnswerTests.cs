using System.Net;
using System.Text.Json;
using Pipeline.Actors.Records;
using Xunit;
using Xunit.Abstractions;

namespace Pipeline.Host.Tests.Verbs;

/// <summary>
/// Same answer, two ways (DESIGN.md): the real rows of <c>../shared/data</c>, posted in the original
/// emulator's seeded order through HTTP ingest, give the same 9 metric tables live (the entities,
/// through <c>/api/metrics</c>) and over the lake the same run wrote (<c>pipeline history</c>).
/// </summary>
public class SameAnswerTests(ITestOutputHelper output)
{
    [Fact]
    public async Task The_live_metrics_equal_the_history_over_the_lake_of_the_same_run()
    {
        await using var engine = await RunningEngine.StartAsync();
        var posted = await VerbRun.Of("emulate", "--replay", SharedData.Directory, "--shuffle", "--posts", "600", "--rate", "0", "--target", engine.Address);
        Assert.Equal(0, posted.ExitCode);
        var records = long.Parse(System.Text.RegularExpressions.Regex.Match(posted.Error, @"\((\d+) records\)").Groups[1].Value);
        await engine.WhenProcessed(records);
        await engine.WhenCommitted();

        foreach (var metric in MetricNames.Columns.Keys)
        {
            using var live = JsonDocument.Parse(await engine.Http.GetStringAsync($"/api/metrics/{metric}"));
            var history = await VerbRun.Of("history", "--lake", engine.Lake!, "--metric", metric);
            Assert.Equal(0, history.ExitCode);
            using var lake = JsonDocument.Parse(history.Out);
            output.WriteLine($"{metric}: {live.RootElement.GetProperty("rows").GetArrayLength()} rows live");
            Assert.Equal(lake.RootElement.GetProperty("rows").GetRawText(), live.RootElement.GetProperty("rows").GetRawText());
            Assert.NotEqual(0, live.RootElement.GetProperty("rows").GetArrayLength());
        }

        // The engine's own scheduled job (run now, through its singleton) serves the same answer.
        Assert.Equal(HttpStatusCode.NotFound, (await engine.Http.GetAsync("/api/history/category_by_country")).StatusCode);
        var run = await engine.Http.PostAsync("/api/history/run", null);
        Assert.Equal(HttpStatusCode.OK, run.StatusCode);
        using (var runs = JsonDocument.Parse(await engine.Http.GetStringAsync("/api/history")))
            Assert.Equal("succeeded", runs.RootElement.GetProperty("runs")[0].GetProperty("status").GetString());
        using var served = JsonDocument.Parse(await engine.Http.GetStringAsync("/api/history/category_by_country"));
        using var current = JsonDocument.Parse(await engine.Http.GetStringAsync("/api/metrics/category_by_country"));
        Assert.Equal(current.RootElement.GetProperty("rows").GetRawText(), served.RootElement.GetProperty("rows").GetRawText());
        Assert.Equal(HttpStatusCode.NotFound, (await engine.Http.GetAsync("/api/history/nope")).StatusCode);
    }
}
