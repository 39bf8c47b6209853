using System.Globalization;
using System.Text.Json;
using Pipeline.Actors.Cleaning;
using Pipeline.Actors.Records;

namespace Pipeline.Bench.Cleaning;

/// <summary>
/// Cleaning throughput on one thread beside bare JSON parses of the same records in the same run,
/// as records per processor-second (one core's worth). The baseline the goal is judged against is
/// the <b>bare parse</b>: <see cref="JsonDocument.Parse(ReadOnlyMemory{byte}, JsonDocumentOptions)"/>,
/// disposed, which turns the same bytes into a usable value tree. Two cheaper walks are printed as
/// extra rows, since a cleaner stands between them and the bare parse:
/// <list type="bullet">
/// <item><c>reader token walk</c>: a <see cref="Utf8JsonReader"/> reading every token and nothing else;</item>
/// <item><c>reader walk + strings</c>: the same walk also decoding every string token to a .NET
/// string, the least any cleaner that hands out strings must do.</item>
/// </list>
/// </summary>
internal sealed class CleaningBenchmark : IBenchmark
{
    private const int TargetRecords = 1_000_000;
    private const double Goal = 0.60;

    public string Name => "cleaning";

    public string Description => "RecordCleaner.Clean vs bare JSON parse of the real rows, one thread";

    public void Run(TextWriter output)
    {
        var workloads = new (string Name, IReadOnlyList<RawRecord> Rows)[]
        {
            ("pin", RealRows.Load("pin.jsonl", Table.Pin).Concat(RealRows.Load("pin_partial.jsonl", Table.Pin)).ToList()),
            ("geo", RealRows.Load("geo.jsonl", Table.Geo)),
            ("user", RealRows.Load("user.jsonl", Table.User)),
            ("all", RealRows.All()),
        };
        var passes = new (string Name, Func<RawRecord, long> Work)[]
        {
            ("bare parse (JsonDocument)", ParseDocument),
            ("reader token walk", WalkTokens),
            ("reader walk + strings", WalkStrings),
            ("clean", CleanRecord),
        };

        output.WriteLine("records per processor-second on one thread, best of 5 interleaved rounds");
        output.WriteLine($"bare parse = JsonDocument.Parse of each record, disposed; goal: clean / bare parse >= {Goal:F2}");
        output.WriteLine($"{"rows",-5} {"pass",-26} {"records/CPU-s",14} {"clean/pass",11}");
        foreach (var (name, rows) in workloads)
        {
            var repeats = Math.Max(1, TargetRecords / rows.Count);
            var rates = Throughput.Measure((long)repeats * rows.Count,
                passes.Select(pass => (Action)(() => Repeat(rows, repeats, pass.Work))).ToList());
            var clean = rates[^1].PerCpuSecond;
            for (var i = 0; i < passes.Length; i++)
            {
                var rate = rates[i].PerCpuSecond;
                var ratio = i == passes.Length - 1 ? "" : (clean / rate).ToString("F2", CultureInfo.InvariantCulture);
                output.WriteLine($"{name,-5} {passes[i].Name,-26} {rate,14:N0} {ratio,11}");
            }
        }
    }

    private static long Repeat(IReadOnlyList<RawRecord> rows, int repeats, Func<RawRecord, long> work)
    {
        long sink = 0;
        for (var repeat = 0; repeat < repeats; repeat++)
        {
            for (var i = 0; i < rows.Count; i++)
            {
                sink += work(rows[i]);
            }
        }

        return sink;
    }

    private static long WalkTokens(RawRecord raw)
    {
        var reader = new Utf8JsonReader(raw.Value.Span);
        long tokens = 0;
        while (reader.Read())
        {
            tokens++;
        }

        return tokens;
    }

    private static long WalkStrings(RawRecord raw)
    {
        var reader = new Utf8JsonReader(raw.Value.Span);
        long tokens = 0;
        while (reader.Read())
        {
            if (reader.TokenType == JsonTokenType.String)
            {
                tokens += reader.GetString()!.Length;
            }
        }

        return tokens;
    }

    private static long ParseDocument(RawRecord raw)
    {
        using var document = JsonDocument.Parse(raw.Value);
        return document.RootElement.GetPropertyCount();
    }

    private static long CleanRecord(RawRecord raw) => RecordCleaner.Clean(raw) is CleanedRecord ? 1 : 0;
}
