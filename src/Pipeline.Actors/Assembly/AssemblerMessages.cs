using Pipeline.Actors.Records;

namespace Pipeline.Actors.Assembly;

/// <summary>Clean records of one bucket's posts, in stream order; answered with <see cref="PostsAssembled"/>.</summary>
public sealed record AssembleRecords(IReadOnlyList<CleanedRecord> Records);

/// <summary>Emit every pending post as it is (the input ended); answered with <see cref="PostsAssembled"/>.</summary>
public sealed record FlushPendingPosts
{
    public static readonly FlushPendingPosts Instance = new();
}

/// <summary>A bucket's answer once the changes of one request reached their consumers and boards.</summary>
/// <param name="Changes">How many changes the request caused.</param>
/// <param name="Pending">Incomplete posts the bucket holds now.</param>
public sealed record PostsAssembled(int Bucket, int Changes, int Pending);

public sealed record GetAssemblerStatus
{
    public static readonly GetAssemblerStatus Instance = new();
}

public sealed record AssemblerStatus(int Bucket, long Sequence, int Pending, int Remembered, DateTimeOffset Clock);

/// <summary>Changes of one bucket for one consumer entity (profile, category, cohort), in sequence
/// order; each entity answers with its own report, or <see cref="Checkpoints.ChangesMissing"/> when
/// <paramref name="Follows"/> (the last change this bucket delivered to it since the bucket's last
/// checkpoint; null: none) is above what it applied.</summary>
public sealed record ApplyPostChanges(int Bucket, IReadOnlyList<PostChange> Changes, long? Follows);
