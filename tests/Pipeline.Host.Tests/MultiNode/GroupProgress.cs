using Confluent.Kafka;

namespace Pipeline.Host.Tests.MultiNode;

/// <summary>
/// What the engines' consumer group committed, read from the broker itself: a node's
/// <c>/api/status</c> knows only the partitions it holds now and what it committed since, and a
/// killed node knows nothing. Positions are committed only once the lake and live state made them
/// durable, so a group committed to the end of every partition has everything in both.
/// </summary>
public static class GroupProgress
{
    /// <summary>Waits until the group committed every partition of <paramref name="topics"/> to its
    /// end, and the partitions hold <paramref name="records"/> records in all (no record written twice).</summary>
    public static Task WhenCommittedAsync(string bootstrap, string group, IReadOnlyList<string> topics, int partitions, long records) => Task.Run(() =>
    {
        using var consumer = new ConsumerBuilder<Ignore, Ignore>(new ConsumerConfig { BootstrapServers = bootstrap, GroupId = group }).Build();
        var all = topics.SelectMany(topic => Enumerable.Range(0, partitions).Select(p => new TopicPartition(topic, p))).ToList();
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(90);
        var last = "";
        while (DateTime.UtcNow < deadline)
        {
            var ends = all.Select(p => consumer.QueryWatermarkOffsets(p, TimeSpan.FromSeconds(5)).High.Value).ToList();
            // A partition nothing was written to has no commit (Offset.Unset, negative): it is done.
            var byPartition = consumer.Committed(all, TimeSpan.FromSeconds(5)).ToDictionary(c => c.TopicPartition, c => Math.Max(c.Offset.Value, 0));
            var committed = all.Select(p => byPartition[p]).ToList();
            var total = ends.Sum();
            last = $"{total} records in the partitions, committed {string.Join(",", committed)} of {string.Join(",", ends)}";
            if (total > records)
                throw new InvalidOperationException($"more records than were posted: {last}");
            if (total == records && committed.SequenceEqual(ends))
                return;
            Thread.Sleep(200);
        }

        throw new TimeoutException($"the group did not commit everything within 90 s: {last}");
    });
}
