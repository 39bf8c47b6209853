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
        WireType.Of<ConfirmChanges>("confirm-changes", (w, m) =>
        {
            w.WriteWhole(m.Bucket);
            w.WriteWhole(m.Through);
        }, r => new ConfirmChanges(r.ReadWholeInt(), r.ReadWhole())),
        WireType.Of<ChangesMissing>("changes-missing", (w, m) =>
        {
            w.Write(m.PersistenceId);
            w.WriteWhole(m.Bucket);
            w.WriteWhole(m.Highest);
        }, r => new ChangesMissing(r.ReadString(), r.ReadWholeInt(), r.ReadWhole())),
    ];
}
