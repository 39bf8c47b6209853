using System.Text.Json.Serialization.Metadata;
using Akka.Actor;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Pipeline.Actors.Cohorts;
using Pipeline.Actors.History;
using Pipeline.Actors.Live;

namespace Pipeline.Host.Api;

/// <summary>
/// The query API over live state (actor asks through <see cref="LiveQueries"/>): 404 for what does
/// not exist, 400 with the reason for a bad parameter, 503 when the entities do not answer in time
/// or the engine is still starting. Never hangs.
/// </summary>
public static class QueryEndpoints
{
    /// <param name="queries">The live queries, or null while the engine is still starting.</param>
    public static void MapQueries(this IEndpointRouteBuilder app, Func<LiveQueries?> queries)
    {
        app.MapGet("/api/profiles/{posterName}", (string posterName) =>
            Answer(queries, async q => await q.ProfileAsync(posterName) is { } view
                ? Json(view, QueryJsonContext.Default.ProfileView)
                : NotFound($"no profile named '{posterName}'")));

        app.MapGet("/api/categories/{category}", (string category) =>
            Answer(queries, async q => await q.CategoryAsync(category) is { } view
                ? Json(view, QueryJsonContext.Default.CategoryView)
                : NotFound($"no category named '{category}'")));

        app.MapGet("/api/leaderboards/profiles", (string? top, string? category, string? country) =>
            Answer(queries, async q => Json(await q.TopProfilesAsync(Count(top), category, country), QueryJsonContext.Default.TopProfiles)));

        app.MapGet("/api/leaderboards/categories", (string? window, string? top) =>
            Answer(queries, async q => Json(await q.TopCategoriesAsync(window ?? "1h", Count(top)), QueryJsonContext.Default.TopCategories)));

        app.MapGet("/api/metrics", () =>
            Answer(queries, q => Task.FromResult(Json(new MetricList(q.MetricNames), QueryJsonContext.Default.MetricList))));

        app.MapGet("/api/metrics/{name}", (string name, string? post_years, string? join_years) =>
            Answer(queries, async q => await q.MetricAsync(name, Years(post_years, "post_years"), Years(join_years, "join_years")) is { } table
                ? Results.Bytes(MetricTableJson.Write(table), "application/json")
                : NotFound($"no metric named '{name}'; GET /api/metrics lists them")));
    }

    private static async Task<IResult> Answer(Func<LiveQueries?> queries, Func<LiveQueries, Task<IResult>> ask)
    {
        if (queries() is not { } live)
            return Error(503, "the engine is starting");
        try
        {
            return await ask(live);
        }
        catch (ArgumentException e)
        {
            return Error(400, e.Message);
        }
        catch (AskTimeoutException)
        {
            return Error(503, "live state did not answer in time; try again");
        }
    }

    private static int Count(string? top)
    {
        if (top is null)
            return 10;
        if (!int.TryParse(top, out var count) || count is < 1 or > 1000)
            throw new ArgumentException($"top must be a whole number from 1 to 1000, not '{top}'");
        return count;
    }

    /// <summary>A year range as <c>2018-2022</c>.</summary>
    private static YearRange? Years(string? text, string name)
    {
        if (text is null)
            return null;
        var parts = text.Split('-');
        if (parts.Length != 2 || !int.TryParse(parts[0], out var from) || !int.TryParse(parts[1], out var to) || from > to)
            throw new ArgumentException($"{name} must be a range such as 2018-2022, not '{text}'");
        return new YearRange(from, to);
    }

    private static IResult Json<T>(T value, JsonTypeInfo<T> type) => Results.Json(value, type);

    private static IResult NotFound(string message) => Error(404, message);

    private static IResult Error(int status, string message) =>
        Results.Json(new QueryError(message), QueryJsonContext.Default.QueryError, statusCode: status);
}
