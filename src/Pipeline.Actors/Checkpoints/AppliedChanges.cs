using Pipeline.Actors.Assembly;

namespace Pipeline.Actors.Checkpoints;

/// <summary>
/// The highest change sequence an entity applied from each assembler bucket. The assembler numbers
/// its changes deterministically from its input (it already dropped records at or below the highest
/// offset it applied per source partition), so a change replayed after a crash carries the same
/// number and is recognised here. A bucket delivers its changes to each entity in sequence order, so
/// the highest applied number also says every earlier change from that bucket was applied. Change numbers rather than source offsets are remembered because a
/// change is not always caused by a record of its own post (a timeout fires on a later record).
/// Kept as a small array in first-applied order, searched linearly: a profile hears from one to a few
/// buckets, and a dictionary would cost each of hundreds of thousands of entities about 200 bytes
/// where this costs 16 per bucket (a category, hearing from every bucket, still scans only tens).
/// </summary>
public sealed class AppliedChanges
{
    private Bucket[] _buckets;
    private int _count;

    public AppliedChanges() => _buckets = [];

    public AppliedChanges(IReadOnlyDictionary<int, long> highest)
    {
        _buckets = highest.Select(pair => new Bucket(pair.Key, pair.Value)).ToArray();
        _count = _buckets.Length;
    }

    /// <summary>True (and remembered) when <paramref name="change"/> is newer than anything applied from its bucket.</summary>
    public bool TryApply(PostChange change)
    {
        var index = IndexOf(change.Bucket);
        if (index >= 0)
        {
            if (change.Sequence <= _buckets[index].Highest)
                return false;
            _buckets[index].Highest = change.Sequence;
            return true;
        }
        if (_count == _buckets.Length)
            Array.Resize(ref _buckets, Math.Max(1, _count * 2));
        _buckets[_count++] = new Bucket(change.Bucket, change.Sequence);
        return true;
    }

    /// <summary>The highest change sequence applied from <paramref name="bucket"/> (0: none).</summary>
    public long Highest(int bucket)
    {
        var index = IndexOf(bucket);
        return index >= 0 ? _buckets[index].Highest : 0;
    }

    /// <summary>Grows with every change applied and is the same for the same changes applied: a
    /// report carrying it lets a leaderboard keep the later of two reports that crossed.</summary>
    public long Version
    {
        get
        {
            var sum = 0L;
            for (var i = 0; i < _count; i++)
                sum += _buckets[i].Highest;
            return sum;
        }
    }

    public IReadOnlyDictionary<int, long> ToSnapshot()
    {
        var snapshot = new Dictionary<int, long>(_count);
        for (var i = 0; i < _count; i++)
            snapshot.Add(_buckets[i].Number, _buckets[i].Highest);
        return snapshot;
    }

    private int IndexOf(int bucket)
    {
        for (var i = 0; i < _count; i++)
            if (_buckets[i].Number == bucket)
                return i;
        return -1;
    }

    private struct Bucket(int number, long highest)
    {
        public readonly int Number = number;
        public long Highest = highest;
    }
}
