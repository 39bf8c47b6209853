using Pipeline.Actors.Assembly;

namespace Pipeline.Actors.Checkpoints;

/// <summary>
/// The highest change sequence an entity applied from each assembler bucket. The assembler numbers
/// its changes deterministically from its input (it already dropped records at or below the highest
/// offset it applied per source partition), so a change replayed after a crash carries the same
/// number and is recognised here. Change numbers rather than source offsets are remembered because a
/// change is not always caused by a record of its own post (a timeout fires on a later record).
/// </summary>
public sealed class AppliedChanges
{
    private readonly Dictionary<int, long> _highest;

    public AppliedChanges() => _highest = [];

    public AppliedChanges(IReadOnlyDictionary<int, long> highest) => _highest = new Dictionary<int, long>(highest);

    /// <summary>True (and remembered) when <paramref name="change"/> is newer than anything applied from its bucket.</summary>
    public bool TryApply(PostChange change)
    {
        if (_highest.TryGetValue(change.Bucket, out var highest) && change.Sequence <= highest)
            return false;
        _highest[change.Bucket] = change.Sequence;
        return true;
    }

    public IReadOnlyDictionary<int, long> ToSnapshot() => new Dictionary<int, long>(_highest);
}
