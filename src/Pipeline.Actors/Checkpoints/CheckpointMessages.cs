namespace Pipeline.Actors.Checkpoints;

/// <summary>Asks an entity to make durable every change it applied so far; it replies
/// <see cref="CheckpointPersisted"/> once its snapshot is written (at once if nothing changed).</summary>
public sealed record PersistCheckpoint
{
    public static readonly PersistCheckpoint Instance = new();
}

public sealed record CheckpointPersisted(string PersistenceId);

/// <summary>The stop message entities are started with (passivation and hand-off): saves unsaved
/// changes, then stops.</summary>
public sealed record StopEntity
{
    public static readonly StopEntity Instance = new();
}
