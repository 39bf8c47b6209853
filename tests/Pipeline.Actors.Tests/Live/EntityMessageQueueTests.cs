using Akka.Actor;
using Pipeline.Actors.Live;
using Xunit;

namespace Pipeline.Actors.Tests.Live;

public sealed class EntityMessageQueueTests
{
    private static Envelope Message(object message) => new(message, ActorRefs.NoSender);

    private static List<object> Drain(EntityMessageQueue queue)
    {
        var messages = new List<object>();
        while (queue.TryDequeue(out var envelope))
            messages.Add(envelope.Message);
        return messages;
    }

    [Fact]
    public void Messages_leave_in_the_order_they_came_across_growth_wrap_around_and_shrinking()
    {
        var queue = new EntityMessageQueue();
        for (var i = 0; i < 3; i++)
            queue.Enqueue(ActorRefs.Nobody, Message(i));
        Assert.True(queue.TryDequeue(out var first));
        Assert.Equal(0, first.Message);
        for (var i = 3; i < 40; i++)
            queue.Enqueue(ActorRefs.Nobody, Message(i));
        Assert.Equal(39, queue.Count);
        Assert.Equal(Enumerable.Range(1, 39).Cast<object>(), Drain(queue));
        Assert.False(queue.HasMessages);

        for (var i = 0; i < 6; i++)
            queue.Enqueue(ActorRefs.Nobody, Message(i));
        Assert.Equal(Enumerable.Range(0, 6).Cast<object>(), Drain(queue));
    }

    [Fact]
    public void Messages_put_back_in_front_leave_first_last_put_first_as_an_unstash_expects()
    {
        var queue = new EntityMessageQueue();
        queue.Enqueue(ActorRefs.Nobody, Message("a"));
        queue.Enqueue(ActorRefs.Nobody, Message("b"));
        queue.Enqueue(ActorRefs.Nobody, Message("c"));
        // Unstashing puts the stashed messages back newest first, so that they leave oldest first.
        foreach (var stashed in new[] { "s3", "s2", "s1" })
            queue.EnqueueFirst(Message(stashed));

        Assert.Equal(6, queue.Count);
        Assert.Equal(new object[] { "s1", "s2", "s3", "a", "b", "c" }, Drain(queue));
    }

    [Fact]
    public void Concurrent_senders_lose_nothing_and_each_sender_keeps_its_order()
    {
        const int senders = 6;
        const int perSender = 50_000;
        var queue = new EntityMessageQueue();
        var start = new Barrier(senders + 1);
        var producers = Enumerable.Range(0, senders).Select(sender => new Thread(() =>
        {
            start.SignalAndWait();
            for (var sequence = 0; sequence < perSender; sequence++)
                queue.Enqueue(ActorRefs.Nobody, Message((sender, sequence)));
        })).ToList();
        producers.ForEach(producer => producer.Start());

        var next = new int[senders];
        var received = 0;
        start.SignalAndWait();
        var deadline = DateTime.UtcNow + TimeSpan.FromMinutes(1);
        while (received < senders * perSender && DateTime.UtcNow < deadline)
        {
            if (!queue.TryDequeue(out var envelope))
                continue;
            var (sender, sequence) = ((int, int))envelope.Message;
            Assert.Equal(next[sender], sequence);
            next[sender]++;
            received++;
        }

        producers.ForEach(producer => producer.Join());
        Assert.Equal(senders * perSender, received);
        Assert.All(next, count => Assert.Equal(perSender, count));
        Assert.False(queue.HasMessages);
    }

    [Fact]
    public void Clean_up_hands_every_remaining_message_to_dead_letters_in_order()
    {
        var queue = new EntityMessageQueue();
        var deadLetters = new EntityMessageQueue();
        for (var i = 0; i < 10; i++)
            queue.Enqueue(ActorRefs.Nobody, Message(i));

        queue.CleanUp(ActorRefs.Nobody, deadLetters);

        Assert.False(queue.HasMessages);
        Assert.Equal(Enumerable.Range(0, 10).Cast<object>(), Drain(deadLetters));
    }
}
