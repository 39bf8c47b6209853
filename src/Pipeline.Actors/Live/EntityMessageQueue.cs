using Akka.Actor;
using Akka.Dispatch;
using Akka.Dispatch.MessageQueues;

namespace Pipeline.Actors.Live;

/// <summary>
/// The message queue of one live-state entity: a ring of envelopes with room for a few that doubles
/// when full and goes back to its small size once a burst has drained. Hundreds of thousands of
/// entities exist at once and most are idle; Akka's default queue keeps a 32-slot segment (about
/// 1 KB) for each even when empty.
/// <para>Any number of senders enqueue concurrently; only the entity's own mailbox run dequeues, and
/// it alone puts stashed messages back in front (<see cref="EnqueueFirst"/>: the deque semantics a
/// persistent actor requires). One lock guards the ring, held for a few instructions, so messages
/// leave in the order they were enqueued (in particular in each sender's order).</para>
/// </summary>
public sealed class EntityMessageQueue : IMessageQueue, IUnboundedDequeBasedMessageQueueSemantics
{
    // A power of two, as every capacity of the ring is: positions wrap with a mask.
    private const int SmallCapacity = 4;

    private readonly Lock _gate = new();
    private Envelope[] _ring = new Envelope[SmallCapacity];
    private int _head;
    private int _count;

    public bool HasMessages => Volatile.Read(ref _count) > 0;

    public int Count => Volatile.Read(ref _count);

    public void Enqueue(IActorRef receiver, Envelope envelope)
    {
        lock (_gate)
        {
            EnsureRoom();
            _ring[(_head + _count) & (_ring.Length - 1)] = envelope;
            Volatile.Write(ref _count, _count + 1);
        }
    }

    public void EnqueueFirst(Envelope envelope)
    {
        lock (_gate)
        {
            EnsureRoom();
            _head = (_head - 1) & (_ring.Length - 1);
            _ring[_head] = envelope;
            Volatile.Write(ref _count, _count + 1);
        }
    }

    public bool TryDequeue(out Envelope envelope)
    {
        lock (_gate)
        {
            if (_count == 0)
            {
                envelope = default;
                return false;
            }
            envelope = _ring[_head];
            _ring[_head] = default;
            _head = (_head + 1) & (_ring.Length - 1);
            Volatile.Write(ref _count, _count - 1);
            if (_count == 0 && _ring.Length > SmallCapacity)
            {
                _ring = new Envelope[SmallCapacity];
                _head = 0;
            }
            return true;
        }
    }

    public void CleanUp(IActorRef owner, IMessageQueue deadletters)
    {
        while (TryDequeue(out var envelope))
            deadletters.Enqueue(owner, envelope);
    }

    private void EnsureRoom()
    {
        if (_count < _ring.Length)
            return;
        var larger = new Envelope[_ring.Length * 2];
        for (var i = 0; i < _count; i++)
            larger[i] = _ring[(_head + i) & (_ring.Length - 1)];
        _ring = larger;
        _head = 0;
    }
}
