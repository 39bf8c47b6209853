using Pipeline.Actors.Records;

namespace Pipeline.Actors.Assembly;

/// <summary>Clean records of one bucket's posts, in stream order; answered with <see cref="PostsAssembled"/>.</summary>
public sealed record AssembleRecords(IReadOnlyList<CleanedRecord> Records);

/// <summary>Emit every pending post as it is (the input ended); answered with <see cref="PostsAssembled"/>.</summary>
public sealed record FlushPendingPosts
{
    public static readonly FlushPendingPosts Instance = new();
}

/// <summary>The changes a bucket emitted for one request, in its sequence order.</summary>
public sealed record PostsAssembled(int Bucket, IReadOnlyList<PostChange> Changes, int Pending);

public sealed record GetAssemblerStatus
{
    public static readonly GetAssemblerStatus Instance = new();
}

public sealed record AssemblerStatus(int Bucket, long Sequence, int Pending, int Remembered, DateTimeOffset Clock);

/// <summary>Changes for one consumer entity (profile, category, cohort), in each bucket's sequence
/// order; each entity answers with its own report.</summary>
public sealed record ApplyPostChanges(IReadOnlyList<PostChange> Changes);
