namespace Pipeline.Bench;

/// <summary>Lake throughput into the folder store and s3rver, and history against plain DuckDB SQL.</summary>
internal sealed class LakeBenchmark : IBenchmark
{
    public string Name => "lake";

    public string Description => "LakeSink records/s and Parquet MB/s (folder, s3rver); history over 1,000,000 posts vs DuckDB SQL";

    public void Run(TextWriter output) => LakeBench.RunAsync(RepositoryRoot()).GetAwaiter().GetResult();

    /// <summary>The checkout whose tools/ holds s3rver, or null to skip the s3rver rows.</summary>
    private static string? RepositoryRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (Directory.Exists(Path.Combine(folder.FullName, "tools", "node_modules", "s3rver")))
                return folder.FullName;
        }

        return null;
    }
}
