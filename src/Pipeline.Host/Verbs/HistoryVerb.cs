using System.Globalization;
using System.Text;
using Pipeline.Actors.History;
using Pipeline.Actors.Lake;
using Pipeline.Actors.Records;
using Pipeline.Host.Cli;
using Pipeline.Host.Configuration;

namespace Pipeline.Host.Verbs;

/// <summary><c>pipeline history</c>: the historical metrics over a lake, as the batch notebooks computed them.</summary>
public sealed class HistoryVerb : IVerb
{
    public string Name => "history";

    public string Summary => "compute the historical metrics over a lake folder or S3 prefix";

    public string Help => $"""
        Usage: pipeline history --lake DIR|s3://bucket/prefix [--metric NAME] [--out DIR] [--format json|csv] [--config FILE]

        Computes the historical metrics over the clean tables of a lake (each post index once, the
        latest record of each part) and prints each as {"{"}"metric","columns","rows"{"}"} (one JSON
        object per line), or writes DIR/<metric>.json or .csv.

          --lake LOCATION  the lake: a folder (e.g. data/lake) or s3://bucket/prefix; S3 endpoint,
                           region and path-style come from pipeline.lake.s3 (hocon/lake.conf)
          --metric NAME    one metric: {string.Join(", ", MetricNames.Columns.Keys)}
          --out DIR        write one file per metric into DIR instead of printing
          --format F       json (default) or csv
          --config FILE    a HOCON file layered over the defaults in hocon/

        """;

    public async Task<int> RunAsync(IReadOnlyList<string> args, Terminal terminal, CancellationToken cancellation)
    {
        var arguments = Arguments.Parse(args, ["lake", "metric", "out", "format", "config"], []);
        var location = arguments.RequiredText("lake");
        var metric = arguments.Text("metric");
        if (metric is not null && !MetricNames.Columns.ContainsKey(metric))
            throw new UsageException($"--metric must be one of {string.Join(", ", MetricNames.Columns.Keys)}, not '{metric}'");
        var format = arguments.Text("format") ?? "json";
        if (format is not ("json" or "csv"))
            throw new UsageException($"--format must be json or csv, not '{format}'");
        var output = arguments.Text("out");

        var config = EngineConfig.Load(arguments.Text("config"));
        IReadOnlyList<MetricTable> tables;
        try
        {
            tables = await LakeHistory.ComputeAsync(location, LakeSettings.FromConfig(config), HistorySettings.FromConfig(config), metric, cancellationToken: cancellation);
        }
        catch (DirectoryNotFoundException e)
        {
            throw new UsageException(e.Message);
        }

        if (output is not null)
            Directory.CreateDirectory(output);
        foreach (var table in tables)
        {
            var text = format == "json" ? Encoding.UTF8.GetString(MetricTableJson.Write(table)) : Csv(table);
            if (output is null)
                await terminal.Out.WriteLineAsync(format == "json" ? text : $"# {table.Metric}{Environment.NewLine}{text}");
            else
                await File.WriteAllTextAsync(Path.Combine(output, $"{table.Metric}.{format}"), text, cancellation);
        }

        if (output is not null)
            await terminal.Error.WriteLineAsync($"wrote {tables.Count} metrics to {Path.GetFullPath(output)}");
        return CommandLine.Ok;
    }

    private static string Csv(MetricTable table)
    {
        var csv = new StringBuilder();
        csv.AppendJoin(',', table.Columns.Select(Field)).Append('\n');
        foreach (var row in table.Rows)
            csv.AppendJoin(',', row.Select(cell => Field(Convert.ToString(cell, CultureInfo.InvariantCulture) ?? ""))).Append('\n');
        return csv.ToString();
    }

    /// <summary>RFC 4180: quote a field that holds a comma, a quote or a line break.</summary>
    private static string Field(string value) =>
        value.IndexOfAny([',', '"', '\n', '\r']) >= 0 ? $"\"{value.Replace("\"", "\"\"")}\"" : value;
}
