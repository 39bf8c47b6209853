using Pipeline.Actors.Assembly;

namespace Pipeline.Actors.Checkpoints;

/// <summary>
/// The highest change sequence an entity applied from each assembler bucket. The assembler numbers
/// its changes deterministically from its input (it already dropped records at or below the highest
/// offset it applied per source partition), so a change replayed after a crash carries the same
/// number and is recognised here. A bucket delivers its changes to each entity in sequence order, so
/// the highest applied number also says every earlier change from that bucket was applied. Change numbers rather than source offsets are remembered because a
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

    /// <summary>The highest change sequence applied from <paramref name="bucket"/> (0: none).</summary>
    public long Highest(int bucket) => _highest.GetValueOrDefault(bucket);

    /// <summary>Grows with every change applied and is the same for the same changes applied: a
    /// report carrying it lets a leaderboard keep the later of two reports that crossed.</summary>
    public long Version => _highest.Values.Sum();

    public IReadOnlyDictionary<int, long> ToSnapshot() => new Dictionary<int, long>(_highest);
}
