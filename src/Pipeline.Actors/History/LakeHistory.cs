using Amazon.Runtime;
using Pipeline.Actors.Lake;
using Pipeline.Actors.Records;

namespace Pipeline.Actors.History;

/// <summary>The metrics of a lake given by location, for <c>pipeline history --lake DIR|s3://bucket/prefix</c>.</summary>
public static class LakeHistory
{
    /// <param name="location">A lake folder or <c>s3://bucket[/prefix]</c>; S3 endpoint, region and
    /// path-style come from <paramref name="lake"/>.</param>
    /// <param name="metric">One metric name, or null for all 9 tables.</param>
    public static async Task<IReadOnlyList<MetricTable>> ComputeAsync(
        string location, LakeSettings lake, HistorySettings history, string? metric = null,
        AWSCredentials? credentials = null, CancellationToken cancellationToken = default)
    {
        var store = LakeStores.ForLocation(location, lake, credentials);
        if (store is FolderLakeStore folder && !Directory.Exists(folder.Root))
            throw new DirectoryNotFoundException($"No lake folder at {folder.Root}");
        try
        {
            using var local = await LocalLake.OpenAsync(store, history.Scratch, cancellationToken);
            return await Task.Run(() => LakeMetrics.Compute(local.Root, history.Ranges, metric), cancellationToken);
        }
        finally
        {
            (store as IDisposable)?.Dispose();
        }
    }
}
