using Pipeline.Actors.Records;

namespace Pipeline.Actors.Emulation;

/// <summary>
/// The JSONL files of a replay folder: for each table, <c>&lt;table&gt;.jsonl</c> and then any
/// <c>&lt;table&gt;_*.jsonl</c> (e.g. the real data's <c>pin_partial.jsonl</c>), in name order.
/// </summary>
internal static class ReplayFiles
{
    public static IReadOnlyList<(Table Table, string Path)> In(string directory)
    {
        if (!Directory.Exists(directory))
        {
            throw new DirectoryNotFoundException($"replay folder '{directory}' does not exist");
        }

        var files = new List<(Table, string)>();
        foreach (var table in new[] { Table.Pin, Table.Geo, Table.User })
        {
            var name = table.Name();
            var main = Path.Combine(directory, name + ".jsonl");
            if (File.Exists(main))
            {
                files.Add((table, main));
            }

            files.AddRange(Directory.GetFiles(directory, name + "_*.jsonl")
                .Order(StringComparer.Ordinal)
                .Select(path => (table, path)));
        }

        if (files.Count == 0)
        {
            throw new FileNotFoundException($"replay folder '{directory}' has no pin, geo or user JSONL files");
        }

        return files;
    }

    /// <summary>The file's records: its non-empty lines, exactly as written.</summary>
    public static IEnumerable<string> Records(string path)
    {
        foreach (var line in File.ReadLines(path))
        {
            if (line.Length > 0)
            {
                yield return line;
            }
        }
    }
}
