using System.Text;
using Pipeline.Actors.Records;

namespace Pipeline.Bench;

/// <summary>The real rows of <c>&lt;repo&gt;/../shared/data</c> as raw records, found by walking up from the binaries.</summary>
internal static class RealRows
{
    public static IReadOnlyList<RawRecord> Load(string file, Table table)
    {
        var position = new SourcePosition("bench", "0", "0", DateTimeOffset.UnixEpoch);
        return File.ReadLines(Path.Combine(Directory(), file))
            .Select(line => new RawRecord(table, Encoding.UTF8.GetBytes(line), position))
            .ToList();
    }

    /// <summary>All real rows of the three tables, interleaved as they would arrive.</summary>
    public static IReadOnlyList<RawRecord> All()
    {
        var pins = Load("pin.jsonl", Table.Pin).Concat(Load("pin_partial.jsonl", Table.Pin)).ToList();
        var geos = Load("geo.jsonl", Table.Geo);
        var users = Load("user.jsonl", Table.User);
        var all = new List<RawRecord>(pins.Count + geos.Count + users.Count);
        for (var i = 0; i < Math.Max(pins.Count, geos.Count); i++)
        {
            if (i < pins.Count)
            {
                all.Add(pins[i]);
            }

            all.Add(geos[i]);
            all.Add(users[i]);
        }

        return all;
    }

    private static string Directory()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            var candidate = Path.Combine(folder.FullName, "shared", "data");
            if (System.IO.Directory.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new DirectoryNotFoundException($"no shared/data folder above {AppContext.BaseDirectory}");
    }
}
