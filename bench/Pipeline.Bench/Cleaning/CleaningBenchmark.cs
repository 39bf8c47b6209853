using System.Text.Json;
using Pipeline.Actors.Cleaning;
using Pipeline.Actors.Records;

namespace Pipeline.Bench.Cleaning;

/// <summary>
/// Cleaning throughput on one thread beside bare JSON parses of the same records in the same run,
/// as records per processor-second (one core's worth):
/// <list type="bullet">
/// <item><c>reader</c>: a <see cref="Utf8JsonReader"/> reading every token and nothing else;</item>
/// <item><c>reader+strings</c>: the same walk also decoding every string token to a .NET string,
/// the least any cleaner that hands out strings must do;</item>
/// <item><c>document</c>: <see cref="JsonDocument.Parse(ReadOnlyMemory{byte}, JsonDocumentOptions)"/>;</item>
/// <item><c>clean</c>: <see cref="RecordCleaner.Clean"/>.</item>
/// </list>
/// </summary>
internal sealed class CleaningBenchmark : IBenchmark
{
    private const int TargetRecords = 1_000_000;

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

        output.WriteLine("records per processor-second, best of 5 interleaved rounds; goal: clean at least 0.60 of bare parsing");
        output.WriteLine($"{"rows",-5} {"records",10} {"reader",11} {"reader+strings",15} {"document",11} {"clean",11} {"clean/reader",13} {"clean/document",15}");
        foreach (var (name, rows) in workloads)
        {
            var repeats = Math.Max(1, TargetRecords / rows.Count);
            var records = (long)repeats * rows.Count;
            var rates = Throughput.Measure(records,
            [
                () => Repeat(rows, repeats, WalkTokens),
                () => Repeat(rows, repeats, WalkStrings),
                () => Repeat(rows, repeats, ParseDocument),
                () => Repeat(rows, repeats, CleanRecord),
            ]);
            var (reader, strings, document, clean) = (rates[0].PerCpuSecond, rates[1].PerCpuSecond, rates[2].PerCpuSecond, rates[3].PerCpuSecond);
            output.WriteLine($"{name,-5} {records,10:N0} {reader,11:N0} {strings,15:N0} {document,11:N0} {clean,11:N0} {clean / reader,13:F2} {clean / document,15:F2}");
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
