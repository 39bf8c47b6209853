using Pipeline.Actors.Records;

namespace Pipeline.Actors.Assembly;

/// <summary>
/// The joining logic of one assembler bucket, free of actors so it can be tested and snapshotted.
/// <list type="bullet">
/// <item>A record at or below the highest offset already applied for its source partition is a
/// replay and changes nothing.</item>
/// <item>A post is emitted once all three parts arrived, or incomplete with what it has once the
/// bucket's arrival clock (the latest arrival time among the records routed to this bucket; never the
/// wall clock) passed its first part's arrival plus the wait, or when the pending buffer is full
/// (oldest first).</item>
/// <item>After emission the post is remembered. A later record of a part already held with the same
/// content is a duplicate and changes nothing. A later record with different content, or a part
/// that was missing, replaces that part (last write wins) and emits a revision
/// (<see cref="PostChange.Previous"/> set) so consumers swap the old contribution for the new one;
/// the post keeps its arrival time. A post evicted from memory (beyond
/// <see cref="AssemblySettings.MaxRememberedPerBucket"/>, oldest emission first) would count again.</item>
/// </list>
/// Everything it emits is a function of its snapshot and the records it is given, in order, which is
/// what lets consumers deduplicate by change sequence after a crash.
/// </summary>
public sealed class AssemblyBucket
{
    private readonly AssemblySettings _settings;
    private readonly Dictionary<string, string> _highestOffsets = new(StringComparer.Ordinal);
    private readonly Dictionary<long, PendingPost> _pending = [];
    private readonly SortedSet<(long FirstArrivalTicks, long Ind)> _pendingByAge = [];
    private readonly Dictionary<long, (AssembledPost Post, long Order)> _emitted = [];
    private readonly Queue<(long Ind, long Order)> _emissionOrder = new();
    private long _emissions;

    public AssemblyBucket(int id, AssemblySettings settings)
    {
        Id = id;
        _settings = settings;
    }

    public int Id { get; }

    public long Sequence { get; private set; }

    public DateTimeOffset Clock { get; private set; } = DateTimeOffset.MinValue;

    public int PendingCount => _pending.Count;

    public int RememberedCount => _emitted.Count;

    /// <summary>False for a record at or below the highest offset applied from its source partition.</summary>
    public bool IsNew(SourcePosition position) =>
        !_highestOffsets.TryGetValue(PartitionKey(position), out var highest) || SourcePosition.CompareOffsets(position.Offset, highest) > 0;

    /// <summary>Applies one clean record; returns the changes it causes, in order.</summary>
    public IReadOnlyList<PostChange> Accept(ICleanRecord record, SourcePosition position)
    {
        if (!IsNew(position))
            return [];
        var partition = PartitionKey(position);
        _highestOffsets[partition] = position.Offset;
        if (position.ArrivalTime > Clock)
            Clock = position.ArrivalTime;

        var changes = new List<PostChange>();
        if (_emitted.TryGetValue(record.Ind, out var emitted))
        {
            var revised = emitted.Post.With(record);
            if (revised != emitted.Post)
            {
                _emitted[record.Ind] = (revised, emitted.Order);
                changes.Add(Change(emitted.Post, revised));
            }
        }
        else
        {
            AddToPending(record, position.ArrivalTime, changes);
        }

        EmitExpired(changes);
        while (_pending.Count > _settings.MaxPendingPerBucket)
            Emit(_pendingByAge.Min.Ind, changes);
        return changes;
    }

    /// <summary>Emits every pending post as it is (the input ended).</summary>
    public IReadOnlyList<PostChange> Flush()
    {
        var changes = new List<PostChange>();
        while (_pendingByAge.Count > 0)
            Emit(_pendingByAge.Min.Ind, changes);
        return changes;
    }

    private void AddToPending(ICleanRecord record, DateTimeOffset arrival, List<PostChange> changes)
    {
        if (_pending.TryGetValue(record.Ind, out var pending))
        {
            var joined = pending.Post.With(record);
            if (joined == pending.Post)
                return;
            var latest = arrival > joined.ArrivalTime ? arrival : joined.ArrivalTime;
            _pending[record.Ind] = pending with { Post = joined with { ArrivalTime = latest } };
        }
        else
        {
            var post = new AssembledPost(record.Ind, arrival, null, null, null).With(record);
            _pending[record.Ind] = new PendingPost(post, arrival);
            _pendingByAge.Add((arrival.UtcTicks, record.Ind));
        }

        if (_pending[record.Ind].Post.IsComplete)
            Emit(record.Ind, changes);
    }

    private void EmitExpired(List<PostChange> changes)
    {
        var expiredBefore = Clock - _settings.Wait;
        while (_pendingByAge.Count > 0 && _pendingByAge.Min.FirstArrivalTicks <= expiredBefore.UtcTicks)
            Emit(_pendingByAge.Min.Ind, changes);
    }

    private void Emit(long ind, List<PostChange> changes)
    {
        var pending = _pending[ind];
        _pending.Remove(ind);
        _pendingByAge.Remove((pending.FirstArrival.UtcTicks, ind));
        Remember(pending.Post);
        changes.Add(Change(null, pending.Post));
    }

    private void Remember(AssembledPost post)
    {
        var order = ++_emissions;
        _emitted[post.Ind] = (post, order);
        _emissionOrder.Enqueue((post.Ind, order));
        while (_emitted.Count > _settings.MaxRememberedPerBucket)
        {
            // A post emitted again after its eviction is queued twice; only its latest entry counts.
            var oldest = _emissionOrder.Dequeue();
            if (_emitted.TryGetValue(oldest.Ind, out var emitted) && emitted.Order == oldest.Order)
                _emitted.Remove(oldest.Ind);
        }
    }

    private PostChange Change(AssembledPost? previous, AssembledPost current) => new(Id, ++Sequence, previous, current);

    private static string PartitionKey(SourcePosition position) => position.Source + "\u001f" + position.Partition;

    public AssemblyBucketSnapshot ToSnapshot() => new(
        Id,
        Sequence,
        Clock,
        _highestOffsets.Select(kv => new PartitionOffset(kv.Key, kv.Value)).ToList(),
        _pendingByAge.Select(entry => _pending[entry.Ind]).ToList(),
        _emissionOrder
            .Where(entry => _emitted.TryGetValue(entry.Ind, out var emitted) && emitted.Order == entry.Order)
            .Select(entry => _emitted[entry.Ind].Post)
            .ToList());

    public static AssemblyBucket FromSnapshot(AssemblyBucketSnapshot snapshot, AssemblySettings settings)
    {
        var bucket = new AssemblyBucket(snapshot.Id, settings) { Sequence = snapshot.Sequence, Clock = snapshot.Clock };
        foreach (var offset in snapshot.HighestOffsets)
            bucket._highestOffsets[offset.Partition] = offset.Offset;
        foreach (var pending in snapshot.Pending)
        {
            bucket._pending[pending.Post.Ind] = pending;
            bucket._pendingByAge.Add((pending.FirstArrival.UtcTicks, pending.Post.Ind));
        }
        foreach (var post in snapshot.Emitted)
            bucket.Remember(post);
        return bucket;
    }
}

/// <summary>An incomplete post waiting for its missing parts since <see cref="FirstArrival"/>.</summary>
public sealed record PendingPost(AssembledPost Post, DateTimeOffset FirstArrival);

public sealed record PartitionOffset(string Partition, string Offset);

/// <summary>The durable state of one bucket. Emitted posts are listed oldest emission first.</summary>
public sealed record AssemblyBucketSnapshot(
    int Id,
    long Sequence,
    DateTimeOffset Clock,
    IReadOnlyList<PartitionOffset> HighestOffsets,
    IReadOnlyList<PendingPost> Pending,
    IReadOnlyList<AssembledPost> Emitted);
