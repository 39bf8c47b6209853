using System.Text;
using Akka.Actor;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Pipeline.Actors.History;
using Pipeline.Actors.Records;

namespace Pipeline.Host.Api;

/// <summary>
/// The scheduled history job's results, through its cluster singleton: <c>GET /api/history</c> lists
/// the runs, <c>GET /api/history/{metric}</c> serves the latest successful result, and
/// <c>POST /api/history/run</c> starts a run now.
/// </summary>
public static class HistoryEndpoints
{
    private static readonly TimeSpan ListTimeout = TimeSpan.FromSeconds(10);

    /// <summary>A run reads the whole lake; the request waits this long for it to finish.</summary>
    private static readonly TimeSpan RunTimeout = TimeSpan.FromMinutes(10);

    /// <param name="scheduler">The history singleton's proxy, or null while the engine is starting.</param>
    public static void MapHistory(this IEndpointRouteBuilder app, Func<IActorRef?> scheduler)
    {
        app.MapGet("/api/history", () => Ask<HistoryScheduler.HistoryRuns>(scheduler, new HistoryScheduler.GetRuns(), ListTimeout, runs =>
        {
            var json = new StringBuilder("{\"runs\":[");
            json.AppendJoin(',', runs.Runs.OrderByDescending(r => r.Started).Select(r => Encoding.UTF8.GetString(r.ToJson())));
            return Results.Text(json.Append("]}").ToString(), "application/json");
        }));

        app.MapGet("/api/history/{metric}", (string metric) =>
            MetricNames.Columns.ContainsKey(metric)
                ? Ask<HistoryScheduler.LatestHistory>(scheduler, new HistoryScheduler.GetLatest(metric), ListTimeout, latest => latest.Table is { } table
                    ? Results.Bytes(MetricTableJson.Write(table), "application/json")
                    : Error(404, $"no successful history run has computed {metric} yet"))
                : Task.FromResult(Error(404, $"no metric named '{metric}'; GET /api/metrics lists them")));

        app.MapPost("/api/history/run", () => Ask<HistoryRun>(scheduler, new HistoryScheduler.RunNow(), RunTimeout, run =>
            run.Status == HistoryRunStatus.Succeeded
                ? Results.Bytes(run.ToJson(), "application/json")
                : Results.Text(Encoding.UTF8.GetString(run.ToJson()), "application/json", Encoding.UTF8, statusCode: 500)));
    }

    private static async Task<IResult> Ask<T>(Func<IActorRef?> scheduler, object question, TimeSpan timeout, Func<T, IResult> answer)
    {
        if (scheduler() is not { } actor)
            return Error(503, "the engine is starting");
        try
        {
            return answer(await actor.Ask<T>(question, timeout));
        }
        catch (AskTimeoutException)
        {
            return Error(503, "the history job did not answer in time; try again");
        }
    }

    private static IResult Error(int status, string message) =>
        Results.Json(new QueryError(message), QueryJsonContext.Default.QueryError, statusCode: status);
}
