using System.Text.Json;
using Pipeline.Host.Cli;

namespace Pipeline.Host.Verbs;

/// <summary><c>pipeline query</c>: asks a running engine's query API and prints the JSON answer.</summary>
public sealed class QueryVerb : IVerb
{
    public string Name => "query";

    public string Summary => "ask a running engine about profiles, categories, leaderboards and metrics";

    public string Help => """
        Usage: pipeline query [--url URL] --profile NAME
               pipeline query [--url URL] --category NAME
               pipeline query [--url URL] --top-profiles [--top N] [--in-category C] [--country C]
               pipeline query [--url URL] --top-categories [--window 1h|24h|7d] [--top N]
               pipeline query [--url URL] --metrics | --metric NAME [--post-years 2018-2022] [--join-years 2015-2020]

        Prints the engine's JSON answer on stdout. Exit codes: 0 answered, 1 not found or the
        engine refused or did not answer (one line on stderr), 2 usage error.

          --url URL   the engine's HTTP API (default http://127.0.0.1:8082)

        """;

    private static readonly string[] Questions = ["profile", "category", "top-profiles", "top-categories", "metrics", "metric"];

    public async Task<int> RunAsync(IReadOnlyList<string> args, Terminal terminal, CancellationToken cancellation)
    {
        var arguments = Arguments.Parse(args,
            ["url", "profile", "category", "top", "in-category", "country", "window", "metric", "post-years", "join-years"],
            ["top-profiles", "top-categories", "metrics"]);
        var asked = Questions.Where(arguments.Has).ToList();
        if (asked.Count != 1)
            throw new UsageException("ask exactly one of --profile, --category, --top-profiles, --top-categories, --metrics, --metric");
        var path = asked[0] switch
        {
            "profile" => $"api/profiles/{Uri.EscapeDataString(arguments.RequiredText("profile"))}",
            "category" => $"api/categories/{Uri.EscapeDataString(arguments.RequiredText("category"))}",
            "top-profiles" => "api/leaderboards/profiles" + Query(("top", arguments.Text("top")), ("category", arguments.Text("in-category")), ("country", arguments.Text("country"))),
            "top-categories" => "api/leaderboards/categories" + Query(("window", arguments.Text("window")), ("top", arguments.Text("top"))),
            "metrics" => "api/metrics",
            _ => $"api/metrics/{Uri.EscapeDataString(arguments.RequiredText("metric"))}" + Query(("post_years", arguments.Text("post-years")), ("join_years", arguments.Text("join-years"))),
        };
        var url = arguments.Text("url") ?? "http://127.0.0.1:8082";
        if (!Uri.TryCreate(url.EndsWith('/') ? url : url + "/", UriKind.Absolute, out var baseUri) || baseUri.Scheme is not ("http" or "https"))
            throw new UsageException($"--url must be an http(s) URL, not '{url}'");

        using var http = new HttpClient { BaseAddress = baseUri, Timeout = TimeSpan.FromSeconds(30) };
        using var response = await http.GetAsync(path, cancellation);
        var body = await response.Content.ReadAsStringAsync(cancellation);
        if (!response.IsSuccessStatusCode)
        {
            await terminal.Error.WriteLineAsync($"pipeline query: {(int)response.StatusCode} {Message(body)}");
            return CommandLine.Failure;
        }

        await terminal.Out.WriteLineAsync(body);
        return CommandLine.Ok;
    }

    private static string Query(params (string Name, string? Value)[] parameters)
    {
        var given = parameters.Where(p => p.Value is not null).Select(p => $"{p.Name}={Uri.EscapeDataString(p.Value!)}").ToList();
        return given.Count == 0 ? "" : "?" + string.Join('&', given);
    }

    /// <summary>The API's error message, or the body itself when it is not the API's error shape.</summary>
    private static string Message(string body)
    {
        try
        {
            using var error = JsonDocument.Parse(body);
            return error.RootElement.TryGetProperty("message", out var message) ? message.GetString() ?? body : body;
        }
        catch (JsonException)
        {
            return body.ReplaceLineEndings(" ");
        }
    }
}
