using Akka.Actor;
using Akka.Event;

namespace Pipeline.Actors.Checkpoints;

/// <summary>
/// Idle passivation of many entities without a timer each. A running entity is registered here and
/// notes the time of its last message; every half <see cref="After"/> one sweep tells the entities
/// idle for at least <see cref="After"/> to check (<see cref="IdleCheck"/>), and each that is still
/// idle passivates, so an entity passivates between one and one and a half <see cref="After"/> after
/// its last message. A receive timeout per entity would keep a cancellable timer for each (about
/// 200 bytes) and reschedule it on every message.
/// <para>Timed on the actor system's scheduler, so a test scheduler drives it with virtual time
/// (cluster sharding's own idle passivation compares with the wall clock and would never fire there).</para>
/// </summary>
public sealed class IdleSweep
{
    private readonly Lock _gate = new();
    private readonly HashSet<IIdleEntity> _entities = new(ReferenceEqualityComparer.Instance);
    private readonly IScheduler _scheduler;
    private int _mostSinceTrim;

    public IdleSweep(IScheduler scheduler, TimeSpan after)
    {
        if (after <= TimeSpan.Zero)
            throw new ArgumentOutOfRangeException(nameof(after), after, "the idle time must be positive");
        _scheduler = scheduler;
        After = after;
        scheduler.Advanced.ScheduleRepeatedly(after / 2, after / 2, Sweep);
    }

    /// <summary>The idle time after which an entity passivates.</summary>
    public TimeSpan After { get; }

    /// <summary>Now on the scheduler's clock, in ticks.</summary>
    public long Now => _scheduler.Now.UtcTicks;

    /// <summary>True when an entity whose last message came at <paramref name="lastActive"/> has been idle long enough.</summary>
    public bool IsIdle(long lastActive) => Now - lastActive >= After.Ticks;

    internal void Add(IIdleEntity entity)
    {
        lock (_gate)
        {
            _entities.Add(entity);
            _mostSinceTrim = Math.Max(_mostSinceTrim, _entities.Count);
        }
    }

    internal void Remove(IIdleEntity entity)
    {
        lock (_gate)
            _entities.Remove(entity);
    }

    private void Sweep()
    {
        var idleSince = Now - After.Ticks;
        List<IActorRef> idle;
        lock (_gate)
        {
            idle = _entities.Where(entity => entity.LastActive <= idleSince).Select(entity => entity.Ref).ToList();
            // A set keeps its largest size: give the room back once most entities have passivated.
            if (_entities.Count < _mostSinceTrim / 4)
            {
                _entities.TrimExcess();
                _mostSinceTrim = _entities.Count;
            }
        }
        foreach (var entity in idle)
            entity.Tell(IdleCheck.Instance, ActorRefs.NoSender);
    }
}

/// <summary>What <see cref="IdleSweep"/> reads of a registered entity, from the sweep's thread.</summary>
internal interface IIdleEntity
{
    /// <summary>When the entity last had a message (<see cref="IdleSweep.Now"/> ticks).</summary>
    long LastActive { get; }

    IActorRef Ref { get; }
}

/// <summary>From <see cref="IdleSweep"/>: passivate if still idle. An entity that stopped meanwhile
/// misses it harmlessly, hence no dead letter.</summary>
public sealed class IdleCheck : IDeadLetterSuppression
{
    public static readonly IdleCheck Instance = new();

    private IdleCheck()
    {
    }
}
