using System.Globalization;
using System.Net;
using System.Text.Json;
using Pipeline.Actors.Records;
using Pipeline.Host.Tests.Verbs;

namespace Pipeline.Host.Tests.MultiNode;

/// <summary>
/// What an engine's live state answers: every metric's rows, and every profile on the overall
/// leaderboard with its posts and follower count. The board's order and scores are left out: they
/// follow popularity, which decays with the Kafka arrival time of each post, and two runs post at
/// different times.
/// </summary>
public sealed record LiveAnswers(IReadOnlyDictionary<string, string> Metrics, IReadOnlyList<string> Profiles)
{
    /// <summary>The most a leaderboard answers (pipeline.live.max-top); a test's posters must stay below it.</summary>
    public const int BoardLimit = 100;

    /// <summary>Engine configuration that emits the posts still incomplete 2 s after input stops
    /// (an emulated post whose part was quarantined never completes), instead of 60 s.</summary>
    public const string IdleFlush = "pipeline.live.assembly.idle-flush-after = 2s";

    /// <summary>The answers once the idle flush of an engine configured with <see cref="IdleFlush"/>
    /// has run: it runs at the first idle checkpoint tick (every 5 s) 2 s after the last record.</summary>
    public static async Task<LiveAnswers> SettledAsync(RunningEngine engine)
    {
        await Task.Delay(TimeSpan.FromSeconds(10));
        return await OfAsync(engine);
    }

    public static async Task<LiveAnswers> OfAsync(RunningEngine engine)
    {
        var metrics = new Dictionary<string, string>();
        foreach (var metric in MetricNames.Columns.Keys)
        {
            using var table = JsonDocument.Parse(await AnswerAsync(engine, $"/api/metrics/{metric}"));
            metrics[metric] = table.RootElement.GetProperty("rows").GetRawText();
        }

        using var board = JsonDocument.Parse(await AnswerAsync(engine, $"/api/leaderboards/profiles?top={BoardLimit}"));
        var profiles = board.RootElement.GetProperty("profiles").EnumerateArray()
            .Select(p => string.Create(CultureInfo.InvariantCulture, $"{p.GetProperty("poster_name").GetString()} posts={p.GetProperty("posts").GetInt32()} followers={p.GetProperty("follower_count")}"))
            .Order(StringComparer.Ordinal)
            .ToList();
        return new LiveAnswers(metrics, profiles);
    }

    /// <summary>An answer of the query API. While shards move or entities recover an answer may time
    /// out (503): it is asked again.</summary>
    public static Task<string> AnswerAsync(RunningEngine engine, string path) => engine.Eventually(async () =>
    {
        using var response = await engine.Http.GetAsync(path);
        if (response.StatusCode == HttpStatusCode.ServiceUnavailable)
            return null;
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadAsStringAsync();
    });
}
