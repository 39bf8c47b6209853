namespace Pipeline.Host.Tests;

/// <summary>The real rows in <c>&lt;repo&gt;/../shared/data</c>, found by walking up from the test binaries.</summary>
public static class SharedData
{
    public static string Directory { get; } = Find();

    public static string PathOf(string file) => Path.Combine(Directory, file);

    private static string Find()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            var candidate = Path.Combine(folder.FullName, "shared", "data");
            if (File.Exists(Path.Combine(candidate, "pin.jsonl")))
                return candidate;
        }

        throw new DirectoryNotFoundException($"no shared/data folder above {AppContext.BaseDirectory}");
    }
}
