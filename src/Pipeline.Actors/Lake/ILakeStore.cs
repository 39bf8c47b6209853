namespace Pipeline.Actors.Lake;

/// <summary>Where lake objects live: a local folder or an S3 bucket, addressed by '/'-separated keys
/// relative to the lake's root. A put is durable when its task completes.</summary>
public interface ILakeStore
{
    /// <summary>The lake's location as a user would give it: a folder path or <c>s3://bucket/prefix</c>.</summary>
    string Location { get; }

    /// <summary>Writes (or replaces) one object whole.</summary>
    Task PutAsync(string key, ReadOnlyMemory<byte> content, CancellationToken cancellationToken = default);

    /// <summary>Reads one object, or null when there is none.</summary>
    Task<byte[]?> GetAsync(string key, CancellationToken cancellationToken = default);

    /// <summary>Every key that starts with <paramref name="prefix"/>, in ordinal order.</summary>
    Task<IReadOnlyList<string>> ListAsync(string prefix, CancellationToken cancellationToken = default);
}
