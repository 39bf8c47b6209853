using Akka.Actor;
using Akka.TestKit;
using Pipeline.Actors.Checkpoints;
using Xunit;

namespace Pipeline.Actors.Tests.Checkpoints;

public sealed class IdleSweepTests : Akka.TestKit.Xunit2.TestKit
{
    private static readonly TimeSpan After = TimeSpan.FromMinutes(10);

    public IdleSweepTests()
        : base("""akka.scheduler.implementation = "Akka.TestKit.TestScheduler, Akka.TestKit" """)
    {
    }

    private TestScheduler Scheduler => (TestScheduler)Sys.Scheduler;

    private sealed class Entity(IActorRef self, long lastActive) : IIdleEntity
    {
        public long LastActive { get; set; } = lastActive;

        public IActorRef Ref => self;
    }

    [Fact]
    public void Every_half_idle_time_the_entities_idle_for_the_whole_of_it_are_asked_to_check_on_the_schedulers_clock()
    {
        var sweep = new IdleSweep(Scheduler, After);
        var (first, second, gone) = (CreateTestProbe(), CreateTestProbe(), CreateTestProbe());
        var start = sweep.Now;
        var early = new Entity(first.Ref, start);
        var later = new Entity(second.Ref, start + TimeSpan.FromMinutes(8).Ticks);
        var removed = new Entity(gone.Ref, start);
        sweep.Add(early);
        sweep.Add(later);
        sweep.Add(removed);
        sweep.Remove(removed);

        Scheduler.Advance(TimeSpan.FromMinutes(5));
        first.ExpectNoMsg(TimeSpan.FromMilliseconds(100));

        Scheduler.Advance(TimeSpan.FromMinutes(5));
        first.ExpectMsg<IdleCheck>();
        second.ExpectNoMsg(TimeSpan.FromMilliseconds(100));

        // Still idle: asked again; the later one has been idle 7 minutes.
        Scheduler.Advance(TimeSpan.FromMinutes(5));
        first.ExpectMsg<IdleCheck>();
        second.ExpectNoMsg(TimeSpan.FromMilliseconds(100));

        early.LastActive = sweep.Now;
        Scheduler.Advance(TimeSpan.FromMinutes(5));
        second.ExpectMsg<IdleCheck>();
        first.ExpectNoMsg(TimeSpan.FromMilliseconds(100));
        gone.ExpectNoMsg(TimeSpan.FromMilliseconds(100));
    }

    [Fact]
    public void Idleness_counts_from_the_last_message_in_scheduler_time()
    {
        var sweep = new IdleSweep(Scheduler, After);
        var last = sweep.Now;

        Scheduler.Advance(After - TimeSpan.FromSeconds(1));
        Assert.False(sweep.IsIdle(last));
        Scheduler.Advance(TimeSpan.FromSeconds(1));
        Assert.True(sweep.IsIdle(last));
    }
}
