using System.Collections.Concurrent;
using Pipeline.Actors.Records;

namespace Pipeline.Actors.Sources.Kafka;

/// <summary>
/// The hand-over between the consumer thread and the stream stage: batches of records, with a
/// record count the consumer thread watches to pause its partitions. Batches keep the per-record
/// synchronisation cost low. The stage is woken only when it asked for more and found none.
/// </summary>
internal sealed class RecordBuffer
{
    private readonly ConcurrentQueue<RawRecord[]> _batches = new();
    private readonly SemaphoreSlim _taken = new(0);
    private Action _onAvailable = () => { };
    private int _count;
    private int _awaiting;

    /// <summary>Records queued, not counting the batch the stage is emitting.</summary>
    public int Count => Volatile.Read(ref _count);

    /// <summary>Sets what wakes the stage; called before the consumer thread starts.</summary>
    public void WhenAvailable(Action onAvailable) => _onAvailable = onAvailable;

    public void Add(RawRecord[] batch)
    {
        Interlocked.Add(ref _count, batch.Length);
        _batches.Enqueue(batch);
        WakeIfAwaiting();
    }

    public bool TryTake(out RawRecord[] batch)
    {
        if (!_batches.TryDequeue(out batch!))
        {
            return false;
        }

        Interlocked.Add(ref _count, -batch.Length);
        if (_taken.CurrentCount == 0)
        {
            _taken.Release();
        }

        return true;
    }

    /// <summary>Blocks the consumer thread until the stage took a batch or the timeout passed.</summary>
    public void WaitForSpace(TimeSpan timeout) => _taken.Wait(timeout);

    /// <summary>Asks to be woken by the next <see cref="Add"/>, or right away if a batch arrived
    /// since the last failed <see cref="TryTake"/>.</summary>
    public void AwaitAvailable()
    {
        Volatile.Write(ref _awaiting, 1);
        if (!_batches.IsEmpty)
        {
            WakeIfAwaiting();
        }
    }

    private void WakeIfAwaiting()
    {
        if (Interlocked.Exchange(ref _awaiting, 0) == 1)
        {
            _onAvailable();
        }
    }
}
