using System.Diagnostics;
using Pipeline.Actors.Lake;
using Pipeline.Actors.Records;

namespace Pipeline.Actors.History;

/// <summary>
/// Computes the historical metrics over a lake and keeps the results in it:
/// <c>history/&lt;metric&gt;/run=&lt;id&gt;.json</c> per metric, then <c>history/runs/run=&lt;id&gt;.json</c> with
/// the run's status and duration. The run record is written last and the latest results are those
/// of the latest succeeded run, so a failed run (even one that wrote some results) replaces nothing.
/// </summary>
public sealed class HistoryJob(ILakeStore store, HistorySettings settings)
{
    public const string RunsPrefix = "history/runs/";

    /// <summary>Runs every metric once. A failure of the computation is returned as a failed run;
    /// only a store that cannot record the run at all throws.</summary>
    public async Task<HistoryRun> RunAsync(DateTimeOffset started, int attempt = 1, CancellationToken cancellationToken = default)
    {
        var id = HistoryRun.IdOf(started);
        var clock = Stopwatch.StartNew();
        HistoryRun run;
        try
        {
            IReadOnlyList<MetricTable> tables;
            using (var lake = await LocalLake.OpenAsync(store, settings.Scratch, cancellationToken))
                tables = await Task.Run(() => LakeMetrics.Compute(lake.Root, settings.Ranges), cancellationToken);
            foreach (var table in tables)
                await store.PutAsync(ResultKey(table.Metric, id), MetricTableJson.Write(table), cancellationToken);
            run = new HistoryRun(id, started, HistoryRunStatus.Succeeded, WholeMilliseconds(clock.Elapsed), attempt, null);
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested)
        {
            run = new HistoryRun(id, started, HistoryRunStatus.Failed, WholeMilliseconds(clock.Elapsed), attempt, $"{e.GetType().Name}: {e.Message}");
        }

        await store.PutAsync($"{RunsPrefix}run={id}.json", run.ToJson(), cancellationToken);
        return run;
    }

    /// <summary>Every recorded run, oldest first.</summary>
    public async Task<IReadOnlyList<HistoryRun>> RunsAsync(CancellationToken cancellationToken = default)
    {
        var runs = new List<HistoryRun>();
        foreach (var key in await store.ListAsync(RunsPrefix, cancellationToken))
        {
            if (await store.GetAsync(key, cancellationToken) is { } json)
                runs.Add(HistoryRun.FromJson(json));
        }

        return runs.OrderBy(r => r.Id, StringComparer.Ordinal).ToList();
    }

    /// <summary>The metric as computed by the latest succeeded run, or null before any.</summary>
    public async Task<MetricTable?> LatestAsync(string metric, CancellationToken cancellationToken = default)
    {
        var latest = (await RunsAsync(cancellationToken)).LastOrDefault(r => r.Status == HistoryRunStatus.Succeeded);
        if (latest is null)
            return null;
        var json = await store.GetAsync(ResultKey(metric, latest.Id), cancellationToken);
        return json is null ? null : MetricTableJson.Read(json);
    }

    /// <summary>Durations are recorded in whole milliseconds, so a run reads back equal to itself.</summary>
    private static TimeSpan WholeMilliseconds(TimeSpan duration) => TimeSpan.FromMilliseconds((long)duration.TotalMilliseconds);

    public static string ResultKey(string metric, string runId) => $"history/{metric}/run={runId}.json";
}
