using Pipeline.Actors.Checkpoints;

namespace Pipeline.Actors.Serialization;

/// <summary>Layouts of the checkpoint protocol every live-state entity speaks (<c>Checkpoints/</c>).</summary>
internal static class CheckpointsWire
{
    public static IEnumerable<WireType> Types =>
    [
        WireType.Empty("persist-checkpoint", PersistCheckpoint.Instance),
        WireType.Of<CheckpointPersisted>("checkpoint-persisted", (w, m) => w.Write(m.PersistenceId), r => new CheckpointPersisted(r.ReadString())),
        WireType.Empty("stop-entity", StopEntity.Instance),
    ];
}
