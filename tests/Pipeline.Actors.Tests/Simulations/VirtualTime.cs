using Akka.Actor;
using Akka.Cluster;
using Akka.Cluster.Sharding;
using Akka.TestKit;
using Pipeline.Actors.Leaderboards;
using Pipeline.Actors.Live;

namespace Pipeline.Actors.Tests.Simulations;

/// <summary>
/// The virtual time of an actor system started on Akka.TestKit's <see cref="TestScheduler"/>
/// (<see cref="Config"/>): every scheduler timer of the engine (checkpoint interval, keep-alive,
/// batch wait, passivation, cluster gossip) fires only when the test moves time on, and the
/// emulator stamps arrival times from it (<see cref="Clock"/>).
/// </summary>
internal sealed class VirtualTime
{
    /// <summary>The scheduler, plus what a system on it needs: a plain stop at the end (a
    /// coordinated one would wait for timers), and recoveries that may take longer in real time
    /// than virtual time passes while the test lets the engine work.</summary>
    public const string Config = """
        akka.scheduler.implementation = "Akka.TestKit.TestScheduler, Akka.TestKit"
        akka.coordinated-shutdown.run-by-actor-system-terminate = off
        akka.cluster.run-coordinated-shutdown-when-down = off
        akka.persistence.journal.sql.recovery-event-timeout = 30d
        akka.persistence.journal.snapshot-only.recovery-event-timeout = 30d
        """;

    private static readonly TimeSpan RealTimeout = TimeSpan.FromSeconds(30);

    private readonly TestScheduler _scheduler;

    public VirtualTime(ActorSystem system)
    {
        _scheduler = system.Scheduler as TestScheduler
            ?? throw new InvalidOperationException("the actor system does not run on the TestScheduler: start it with VirtualTime.Config");
        Clock = new SchedulerClock(_scheduler);
    }

    public DateTimeOffset Now => _scheduler.Now;

    /// <summary>The scheduler's time as a <see cref="TimeProvider"/>, for the emulator's arrival stamps.</summary>
    public TimeProvider Clock { get; }

    public void AdvanceTo(DateTimeOffset when) => _scheduler.AdvanceTo(when);

    public void Advance(TimeSpan by) => _scheduler.Advance(by);

    /// <summary>
    /// Lets the engine work until <paramref name="done"/> holds, moving virtual time on by
    /// <paramref name="tick"/> while it waits, so that the timers the work depends on (a partial
    /// batch's batch-wait, cluster gossip) fire. Real time only bounds the wait.
    /// </summary>
    public async Task RunUntilAsync(Func<bool> done, TimeSpan tick)
    {
        var deadline = DateTime.UtcNow + RealTimeout;
        while (!done())
        {
            if (DateTime.UtcNow > deadline)
                throw new TimeoutException($"not done within {RealTimeout} of real time (virtual time {Now:O})");
            _scheduler.Advance(tick);
            await Task.Delay(1);
        }
    }

    /// <summary>Waits for <paramref name="answer"/> while moving virtual time on in small ticks: an
    /// entity that starts or recovers goes through sharding and the journal plugin, whose timers
    /// run on virtual time too.</summary>
    public async Task<T> AnswerAsync<T>(Task<T> answer)
    {
        await RunUntilAsync(() => answer.IsCompleted, TimeSpan.FromMilliseconds(20));
        return await answer;
    }

    /// <summary>Joins the node to itself on virtual time, starts the shard regions and waits until
    /// each is registered with its coordinator (registration retries on a timer) and the journal
    /// answers (its first use creates the tables, slow on a loaded machine), so that queries with
    /// their short timeout answer in time.</summary>
    public async Task<LiveRegions> StartLiveStateAsync(ActorSystem system)
    {
        var cluster = Cluster.Get(system);
        cluster.Join(cluster.SelfAddress);
        var tick = TimeSpan.FromMilliseconds(100);
        await RunUntilAsync(() => cluster.SelfMember.Status == MemberStatus.Up, tick);
        var regions = LiveRegions.Start(system, LiveStateSettings.FromConfig(system.Settings.Config));
        var registered = Task.WhenAll(new[] { regions.Assemblers, regions.Profiles, regions.Categories, regions.Cohorts, regions.ProfileBoards, regions.CategoryBoards }
            .Select(region => region.Ask<CurrentRegions>(GetCurrentRegions.Instance, RealTimeout)));
        await RunUntilAsync(() => registered.IsCompleted, tick);
        await registered;
        var board = regions.CategoryBoards.Ask<BoardClock>(new ShardingEnvelope(BoardIds.Categories, GetBoardClock.Instance), RealTimeout);
        await RunUntilAsync(() => board.IsCompleted, tick);
        await board;
        return regions;
    }

    private sealed class SchedulerClock(TestScheduler scheduler) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => scheduler.Now;
    }
}
