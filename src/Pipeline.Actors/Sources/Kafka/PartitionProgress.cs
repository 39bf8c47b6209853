namespace Pipeline.Actors.Sources.Kafka;

/// <summary>
/// Which offsets of one assigned partition went into the stream and which of them the stream
/// reported done, giving the offset to commit: one past the highest offset below which every
/// delivered offset is done. Kafka offsets can have gaps (compaction, transaction markers), so
/// contiguity is over the delivered offsets, not over numbers. Owned by the consumer thread.
/// </summary>
internal sealed class PartitionProgress
{
    private readonly Queue<long> _pending = new();
    private readonly HashSet<long> _doneAhead = [];
    private long _lastDelivered = -1;

    /// <summary>The offset a commit would store now, or null when nothing is done yet.</summary>
    public long? Committable { get; private set; }

    /// <summary>The offset last committed by this consumer since the partition was assigned.</summary>
    public long? Committed { get; private set; }

    public int InFlight => _pending.Count;

    public long? LastDelivered => _lastDelivered >= 0 ? _lastDelivered : null;

    public bool HasUncommitted => Committable is { } offset && offset != Committed;

    /// <summary>Records an offset handed to the stream. Offsets arrive in increasing order.</summary>
    public void Delivered(long offset)
    {
        _pending.Enqueue(offset);
        _lastDelivered = offset;
    }

    /// <summary>Records that the stream is done with an offset. Returns false when the offset is not
    /// in flight here (already done, or from before this assignment), which changes nothing.</summary>
    public bool Done(long offset)
    {
        if (_pending.Count == 0 || offset < _pending.Peek() || offset > _lastDelivered)
        {
            return false;
        }

        if (offset != _pending.Peek())
        {
            return _doneAhead.Add(offset);
        }

        _pending.Dequeue();
        var highest = offset;
        while (_pending.Count > 0 && _doneAhead.Remove(_pending.Peek()))
        {
            highest = _pending.Dequeue();
        }

        Committable = highest + 1;
        return true;
    }

    /// <summary>Records that every delivered offset up to and including <paramref name="offset"/> is
    /// done, as a sink that makes whole windows durable reports. Returns false when that changes nothing.</summary>
    public bool DoneThrough(long offset)
    {
        if (_pending.Count == 0 || offset < _pending.Peek())
        {
            return false;
        }

        var highest = _pending.Dequeue();
        while (_pending.Count > 0 && (_pending.Peek() <= offset || _doneAhead.Contains(_pending.Peek())))
        {
            highest = _pending.Dequeue();
        }

        _doneAhead.RemoveWhere(done => done <= highest);
        Committable = highest + 1;
        return true;
    }

    public void MarkCommitted(long offset) => Committed = offset;
}
