using Pipeline.Actors.Assembly;
using Pipeline.Actors.Records;
using Xunit;
using static Pipeline.Actors.Tests.Live.TestRecords;

namespace Pipeline.Actors.Tests.Assembly;

public class AssemblyBucketTests
{
    private static readonly AssemblySettings Settings = new(Buckets: 1, Wait: TimeSpan.FromSeconds(60), MaxPendingPerBucket: 100, MaxRememberedPerBucket: 100, IdleFlushAfter: TimeSpan.FromSeconds(60));

    private static ICleanRecord[] PartsOf(long ind) =>
        [Pin(ind, "ann", 10, "art"), Geo(ind, "Chad", Year(2020)), User(ind, "Ann Lee", 30, Year(2016))];

    [Theory]
    [InlineData(0, 1, 2)]
    [InlineData(2, 1, 0)]
    [InlineData(1, 2, 0)]
    public void Joins_the_three_parts_in_any_order_once_all_arrived(int first, int second, int third)
    {
        var bucket = new AssemblyBucket(0, Settings);
        var parts = PartsOf(7);
        var offset = 0;
        Assert.Empty(bucket.Accept(parts[first], At(offset++, TimeSpan.FromSeconds(1))));
        Assert.Empty(bucket.Accept(parts[second], At(offset++, TimeSpan.FromSeconds(2))));
        var change = Assert.Single(bucket.Accept(parts[third], At(offset, TimeSpan.FromSeconds(3))));

        Assert.Null(change.Previous);
        Assert.True(change.Current.IsComplete);
        Assert.Equal(("ann", "Chad", "25-35", 2016), (change.Current.PosterName, change.Current.Country, change.Current.AgeGroup, change.Current.JoinYear));
        Assert.Equal(Start + TimeSpan.FromSeconds(3), change.Current.ArrivalTime);
        Assert.Equal(0, bucket.PendingCount);
    }

    [Fact]
    public void Emits_an_incomplete_post_once_the_arrival_clock_passes_its_wait()
    {
        var bucket = new AssemblyBucket(0, Settings);
        Assert.Empty(bucket.Accept(Pin(1, "ann", 10, "art"), At(0, TimeSpan.Zero)));
        Assert.Empty(bucket.Accept(Pin(2, "bob", 20, "art"), At(1, TimeSpan.FromSeconds(59))));

        var expired = Assert.Single(bucket.Accept(Pin(3, "cid", 5, "art"), At(2, TimeSpan.FromSeconds(60))));

        Assert.Equal(1, expired.Current.Ind);
        Assert.False(expired.Current.IsComplete);
        Assert.Null(expired.Current.Geo);
        Assert.Equal(2, bucket.PendingCount);
    }

    [Fact]
    public void A_duplicate_counts_once_and_a_changed_part_revises_the_emitted_post()
    {
        var bucket = new AssemblyBucket(0, Settings);
        var offset = 0;
        foreach (var part in PartsOf(4))
            bucket.Accept(part, At(offset++, TimeSpan.FromSeconds(offset)));

        Assert.Empty(bucket.Accept(Pin(4, "ann", 10, "art"), At(offset++, TimeSpan.FromSeconds(10))));
        var revision = Assert.Single(bucket.Accept(Pin(4, "ann", 99, "art"), At(offset, TimeSpan.FromSeconds(11))));

        Assert.Equal(10, revision.Previous!.FollowerCount);
        Assert.Equal(99, revision.Current.FollowerCount);
        Assert.Equal(revision.Previous.ArrivalTime, revision.Current.ArrivalTime);
    }

    [Fact]
    public void A_part_arriving_after_the_timeout_revises_the_incomplete_post()
    {
        var bucket = new AssemblyBucket(0, Settings);
        bucket.Accept(Pin(1, "ann", 10, "art"), At(0, TimeSpan.Zero));
        var expired = Assert.Single(bucket.Accept(Pin(2, "bob", 20, "art"), At(1, TimeSpan.FromMinutes(2))));

        var revision = Assert.Single(bucket.Accept(Geo(1, "Chad", Year(2020)), At(2, TimeSpan.FromMinutes(2.5))));

        Assert.Equal(expired.Current, revision.Previous);
        Assert.Equal("Chad", revision.Current.Country);
    }

    [Fact]
    public void Ignores_records_at_or_below_the_highest_offset_of_their_partition()
    {
        var bucket = new AssemblyBucket(0, Settings);
        bucket.Accept(Pin(1, "ann", 10, "art"), At(5, TimeSpan.Zero));

        Assert.Empty(bucket.Accept(Geo(1, "Chad", Year(2020)), At(5, TimeSpan.Zero)));
        Assert.Empty(bucket.Accept(User(1, "Ann", 30, Year(2016)), At(4, TimeSpan.Zero)));
        Assert.Empty(bucket.Accept(Geo(1, "Chad", Year(2020)), At(3, TimeSpan.Zero, partition: "1")));
        Assert.Single(bucket.Accept(User(1, "Ann", 30, Year(2016)), At(10, TimeSpan.Zero)));
    }

    [Fact]
    public void A_full_pending_buffer_emits_its_oldest_post()
    {
        var bucket = new AssemblyBucket(0, Settings with { MaxPendingPerBucket = 2 });
        bucket.Accept(Pin(1, "a", 1, "art"), At(0, TimeSpan.Zero));
        bucket.Accept(Pin(2, "b", 1, "art"), At(1, TimeSpan.FromSeconds(1)));

        var evicted = Assert.Single(bucket.Accept(Pin(3, "c", 1, "art"), At(2, TimeSpan.FromSeconds(2))));

        Assert.Equal(1, evicted.Current.Ind);
        Assert.Equal(2, bucket.PendingCount);
    }

    [Fact]
    public void Flush_emits_every_pending_post_oldest_first()
    {
        var bucket = new AssemblyBucket(0, Settings);
        bucket.Accept(Pin(9, "a", 1, "art"), At(0, TimeSpan.Zero));
        bucket.Accept(Geo(3, "Chad", Year(2020)), At(1, TimeSpan.FromSeconds(1)));

        Assert.Equal([9L, 3L], bucket.Flush().Select(change => change.Current.Ind));
        Assert.Equal(0, bucket.PendingCount);
    }

    [Fact]
    public void A_restored_snapshot_continues_exactly_like_the_original()
    {
        var original = new AssemblyBucket(0, Settings with { MaxRememberedPerBucket = 3 });
        var offset = 0;
        for (var ind = 0; ind < 5; ind++)
            foreach (var part in PartsOf(ind))
                original.Accept(part, At(offset++, TimeSpan.FromSeconds(offset)));
        original.Accept(Pin(20, "z", 1, "art"), At(offset++, TimeSpan.FromSeconds(offset)));

        var json = Pipeline.Actors.Checkpoints.SnapshotJson.Serialize(original.ToSnapshot());
        var restored = AssemblyBucket.FromSnapshot(Pipeline.Actors.Checkpoints.SnapshotJson.Deserialize<AssemblyBucketSnapshot>(json), Settings with { MaxRememberedPerBucket = 3 });

        ICleanRecord[] next = [Pin(4, "ann", 11, "art"), Pin(0, "ann", 12, "art"), Geo(20, "Chad", Year(2021))];
        foreach (var record in next)
        {
            var position = At(offset++, TimeSpan.FromMinutes(5));
            Assert.Equal(original.Accept(record, position), restored.Accept(record, position));
        }
        Assert.Equal(original.ToSnapshot().Emitted, restored.ToSnapshot().Emitted);
    }
}
