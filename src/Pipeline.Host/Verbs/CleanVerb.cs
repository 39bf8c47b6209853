using Pipeline.Actors.Cleaning;
using Pipeline.Actors.Records;
using Pipeline.Host.Cli;

namespace Pipeline.Host.Verbs;

/// <summary><c>pipeline clean</c>: cleans a JSON Lines file of one table with the engine's rules.</summary>
public sealed class CleanVerb : IVerb
{
    public string Name => "clean";

    public string Summary => "clean a JSONL file of one table (pin, geo or user)";

    public string Help => """
        Usage: pipeline clean --table pin|geo|user --in FILE [--out FILE] [--quarantine FILE]

        Cleans one JSON record per line with the engine's cleaning rules and writes the clean
        records as JSON lines in the table's field order. Records that cannot be cleaned are written
        to the quarantine file with their reason; a count per reason is printed to stderr.

          --table T          the table the records belong to: pin, geo or user
          --in FILE          the input, one JSON object per line; - reads stdin
          --out FILE         the clean output; - (the default) writes stdout
          --quarantine FILE  where quarantined records go, one JSON line each with table, reason,
                             detail and the raw text; without it they go to stderr

        Exit codes: 0 done (also when records were quarantined), 1 unreadable input or unwritable
        output, 2 usage error.

        """;

    public async Task<int> RunAsync(IReadOnlyList<string> args, Terminal terminal, CancellationToken cancellation)
    {
        var arguments = Arguments.Parse(args, ["table", "in", "out", "quarantine"], []);
        if (!TableNames.TryParse(arguments.RequiredText("table"), out var table))
            throw new UsageException($"--table must be pin, geo or user, not '{arguments.Text("table")}'");
        var inPath = arguments.RequiredText("in");
        var outPath = arguments.Text("out") ?? "-";
        var quarantinePath = arguments.Text("quarantine");

        var tally = new CleaningTally();
        await using (var input = inPath == "-" ? terminal.OpenStandardInput() : File.OpenRead(inPath))
        await using (var output = new BufferedStream(outPath == "-" ? terminal.OpenStandardOutput() : File.Create(outPath), 1 << 16))
        await using (var quarantine = quarantinePath is null ? null : new BufferedStream(File.Create(quarantinePath), 1 << 16))
        {
            var source = $"file:{(inPath == "-" ? "stdin" : Path.GetFileName(inPath))}";
            await foreach (var (lineNumber, line) in JsonLines.ReadAsync(input, cancellation))
            {
                var position = new SourcePosition(source, "0", lineNumber.ToString(System.Globalization.CultureInfo.InvariantCulture), DateTimeOffset.UnixEpoch);
                var outcome = RecordCleaner.Clean(new RawRecord(table, line, position));
                tally.Add(outcome);
                switch (outcome)
                {
                    case CleanedRecord clean:
                        CleanJsonWriter.WriteLine(output, clean.Record);
                        break;
                    case QuarantinedRecord quarantined when quarantine is not null:
                        QuarantineJsonWriter.WriteLine(quarantine, quarantined);
                        break;
                    case QuarantinedRecord quarantined:
                        await terminal.Error.WriteLineAsync(QuarantineJsonWriter.ToJson(quarantined));
                        break;
                }
            }
        }

        foreach (var line in tally.Lines())
            await terminal.Error.WriteLineAsync(line.ToString());
        return CommandLine.Ok;
    }
}
