namespace Pipeline.Actors.Checkpoints;

/// <summary>Asks an entity to make durable every change it applied so far; it replies
/// <see cref="CheckpointPersisted"/> once its snapshot is written (at once if nothing changed).</summary>
public sealed record PersistCheckpoint
{
    public static readonly PersistCheckpoint Instance = new();
}

public sealed record CheckpointPersisted(string PersistenceId);

/// <summary>From an assembler bucket at its checkpoint: persist like <see cref="PersistCheckpoint"/>,
/// but only if every change up to <paramref name="Through"/> the bucket delivered was applied;
/// otherwise the entity answers <see cref="ChangesMissing"/> (it restarted from an older snapshot
/// in between) and the bucket delivers them again.</summary>
public sealed record ConfirmChanges(int Bucket, long Through);

/// <summary>An entity's answer when it lacks changes of <paramref name="Bucket"/> that were delivered
/// to it: it has applied only up to <paramref name="Highest"/>.</summary>
public sealed record ChangesMissing(string PersistenceId, int Bucket, long Highest);

/// <summary>The stop message entities are started with (passivation and hand-off): saves unsaved
/// changes, then stops.</summary>
public sealed record StopEntity
{
    public static readonly StopEntity Instance = new();
}
