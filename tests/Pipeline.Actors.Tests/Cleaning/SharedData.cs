using Pipeline.Actors.Records;

namespace Pipeline.Actors.Tests.Cleaning;

/// <summary>
/// The real rows in <c>&lt;repo&gt;/../shared/data</c>, found by walking up from the test binaries,
/// so the tests run from any checkout that sits beside the shared folder.
/// </summary>
public static class SharedData
{
    public static string Directory { get; } = Find();

    public static string PathOf(string file) => Path.Combine(Directory, file);

    /// <summary>The file's lines as raw records of <paramref name="table"/>, one offset per line.</summary>
    public static IEnumerable<RawRecord> RawRecords(string file, Table table) =>
        File.ReadLines(PathOf(file)).Select((line, number) => Raw(table, line, $"{file}:{number}"));

    public static RawRecord Raw(Table table, string json, string offset = "0") =>
        new(table, System.Text.Encoding.UTF8.GetBytes(json), new SourcePosition("test", "0", offset, DateTimeOffset.UnixEpoch));

    private static string Find()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            var candidate = Path.Combine(folder.FullName, "shared", "data");
            if (System.IO.Directory.Exists(candidate) && File.Exists(Path.Combine(candidate, "pin.jsonl")))
            {
                return candidate;
            }
        }

        throw new DirectoryNotFoundException($"no shared/data folder above {AppContext.BaseDirectory}");
    }
}
