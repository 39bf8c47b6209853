namespace Pipeline.Actors.Tests.Emulation;

/// <summary>Paths the emulator tests read: the real rows in <c>&lt;repo&gt;/../shared/data</c> and the repo's own files.</summary>
internal static class SharedData
{
    public static string Folder { get; } = FindUp(dir => Path.Combine(dir, "shared", "data"), Directory.Exists)
        ?? throw new DirectoryNotFoundException("no shared/data beside the repository above " + AppContext.BaseDirectory);

    public static string RepositoryRoot { get; } = FindUp(dir => dir, dir => System.IO.File.Exists(Path.Combine(dir, "Pipeline.sln")))
        ?? throw new DirectoryNotFoundException("no Pipeline.sln above " + AppContext.BaseDirectory);

    public static string File(string name) => Path.Combine(Folder, name);

    private static string? FindUp(Func<string, string> candidate, Func<string, bool> exists)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var path = candidate(dir.FullName);
            if (exists(path))
            {
                return path;
            }
        }

        return null;
    }
}
