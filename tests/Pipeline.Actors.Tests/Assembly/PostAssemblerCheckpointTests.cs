using System.Collections.Concurrent;
using Akka.Actor;
using Pipeline.Actors.Assembly;
using Pipeline.Actors.Checkpoints;
using Pipeline.Actors.Records;
using Pipeline.Actors.Tests.Live;
using Xunit;
using static Pipeline.Actors.Tests.Live.TestRecords;

namespace Pipeline.Actors.Tests.Assembly;

/// <summary>A bucket takes requests while its checkpoint waits for the consumers to persist, and
/// what it took meanwhile belongs to the next checkpoint.</summary>
public sealed class PostAssemblerCheckpointTests : LiveTestKit
{
    private static readonly AssemblySettings Settings = new(Buckets: 1, Wait: TimeSpan.FromSeconds(60), MaxPendingPerBucket: 100, MaxRememberedPerBucket: 100, IdleFlushAfter: TimeSpan.FromSeconds(60));

    [Fact]
    public async Task Requests_go_on_while_consumers_persist_and_a_restart_delivers_again_only_what_came_after_the_checkpoint_began()
    {
        var delivery = new ControlledDelivery();
        var bucket = Sys.ActorOf(PostAssembler.Props(0, Settings, delivery), "bucket-first");
        Assert.Equal(1, (await bucket.Ask<PostsAssembled>(Post(1, offset: 0), TimeSpan.FromSeconds(10))).Changes);

        var stage = CreateTestProbe();
        bucket.Tell(PersistCheckpoint.Instance, stage);
        await delivery.Confirming.Task.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal(1, (await bucket.Ask<PostsAssembled>(Post(2, offset: 3), TimeSpan.FromSeconds(10))).Changes);
        stage.ExpectNoMsg(TimeSpan.FromMilliseconds(300));
        delivery.Confirmed.SetResult();
        stage.ExpectMsg<CheckpointPersisted>(TimeSpan.FromSeconds(10));

        Watch(bucket);
        bucket.Tell(PoisonPill.Instance);
        ExpectTerminated(bucket);
        var afterRestart = new ControlledDelivery();
        Sys.ActorOf(PostAssembler.Props(0, Settings, afterRestart), "bucket-second");
        await AwaitConditionAsync(() => Task.FromResult(!afterRestart.Delivered.IsEmpty), TimeSpan.FromSeconds(10));
        Assert.Equal([2L], afterRestart.Delivered.SelectMany(changes => changes).Select(change => change.Current.Ind));
    }

    private static AssembleRecords Post(long ind, long offset) => new(
    [
        Cleaned(Pin(ind, "ann", 10, "art"), At(offset, TimeSpan.FromSeconds(offset))),
        Cleaned(Geo(ind, "Chad", Year(2020)), At(offset + 1, TimeSpan.FromSeconds(offset + 1))),
        Cleaned(User(ind, "Ann A", 30, Year(2016)), At(offset + 2, TimeSpan.FromSeconds(offset + 2))),
    ]);

    /// <summary>Delivers at once and records what; confirms when the test says so.</summary>
    private sealed class ControlledDelivery : IChangeDelivery
    {
        public ConcurrentQueue<IReadOnlyList<PostChange>> Delivered { get; } = new();

        public TaskCompletionSource Confirming { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public TaskCompletionSource Confirmed { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public IReadOnlyDictionary<ChangeRecipient, List<PostChange>> Route(IReadOnlyList<PostChange> changes) =>
            new Dictionary<ChangeRecipient, List<PostChange>> { [new ChangeRecipient("profile", "ann")] = changes.ToList() };

        public Task<IReadOnlyList<ChangeRecipient>> DeliverAsync(IReadOnlyList<KeyValuePair<ChangeRecipient, ApplyPostChanges>> deliveries)
        {
            Delivered.Enqueue(deliveries.SelectMany(delivery => delivery.Value.Changes).ToList());
            return Task.FromResult<IReadOnlyList<ChangeRecipient>>([]);
        }

        public Task ConfirmAsync(int bucket, IReadOnlyDictionary<ChangeRecipient, long> through, IReadOnlyCollection<ChangeRecipient> boards)
        {
            Confirming.TrySetResult();
            return Confirmed.Task;
        }
    }
}
