using Amazon.Runtime;

namespace Pipeline.Actors.Lake;

/// <summary>Builds the configured store, or one for a location given on the command line.</summary>
public static class LakeStores
{
    public static ILakeStore Create(LakeSettings settings, AWSCredentials? credentials = null) => settings.Store switch
    {
        LakeStoreKind.S3 => new S3LakeStore(settings.S3, credentials),
        _ => new FolderLakeStore(settings.FolderPath),
    };

    /// <summary>
    /// A store for <paramref name="location"/>: <c>s3://bucket[/prefix]</c> (endpoint, region,
    /// path-style and encryption from <paramref name="settings"/>) or a folder path.
    /// </summary>
    public static ILakeStore ForLocation(string location, LakeSettings settings, AWSCredentials? credentials = null)
    {
        if (!location.StartsWith("s3://", StringComparison.OrdinalIgnoreCase))
            return new FolderLakeStore(location);
        var path = location[5..];
        var slash = path.IndexOf('/');
        var bucket = slash < 0 ? path : path[..slash];
        var prefix = slash < 0 ? "" : path[(slash + 1)..].Trim('/');
        if (bucket.Length == 0)
            throw new ArgumentException($"No bucket in '{location}'", nameof(location));
        return new S3LakeStore(settings.S3 with { Bucket = bucket, Prefix = prefix }, credentials);
    }
}
