using Pipeline.Actors.Lake;

namespace Pipeline.Actors.History;

/// <summary>
/// The clean tables of a lake as a local folder DuckDB can read: the folder store's own root, or,
/// for any other store, a scratch copy of <c>tables/</c> that is deleted on dispose.
/// </summary>
public sealed class LocalLake : IDisposable
{
    private readonly bool _isCopy;

    private LocalLake(string root, bool isCopy) => (Root, _isCopy) = (root, isCopy);

    public string Root { get; }

    public static async Task<LocalLake> OpenAsync(ILakeStore store, string? scratch = null, CancellationToken cancellationToken = default)
    {
        if (store is FolderLakeStore folder)
            return new LocalLake(folder.Root, isCopy: false);
        var root = Path.Combine(scratch ?? Path.GetTempPath(), "pipeline-history-" + Guid.NewGuid().ToString("N"));
        var copy = new LocalLake(root, isCopy: true);
        try
        {
            var local = new FolderLakeStore(root);
            foreach (var key in await store.ListAsync(LakeKeys.TablesPrefix, cancellationToken))
            {
                var content = await store.GetAsync(key, cancellationToken);
                if (content is not null)
                    await local.PutAsync(key, content, cancellationToken);
            }

            return copy;
        }
        catch
        {
            copy.Dispose();
            throw;
        }
    }

    public void Dispose()
    {
        if (_isCopy && Directory.Exists(Root))
            Directory.Delete(Root, recursive: true);
    }
}
