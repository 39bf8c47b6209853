using Pipeline.Actors.Assembly;
using Pipeline.Actors.Checkpoints;
using Xunit;

namespace Pipeline.Actors.Tests.Checkpoints;

public sealed class AppliedChangesTests
{
    private static readonly DateTimeOffset Start = new(2024, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private static PostChange Change(int bucket, long sequence) => new(
        bucket,
        sequence,
        null,
        new AssembledPost(sequence, Start, new PinFacts("ann", 10, "art"), new GeoFacts("Chad", Start), new UserFacts("Ann", 30, Start)));

    [Fact]
    public void Each_bucket_applies_only_changes_newer_than_its_highest()
    {
        var applied = new AppliedChanges();

        Assert.True(applied.TryApply(Change(3, 5)));
        Assert.False(applied.TryApply(Change(3, 5)));
        Assert.False(applied.TryApply(Change(3, 4)));
        Assert.True(applied.TryApply(Change(7, 1)));
        Assert.True(applied.TryApply(Change(3, 6)));

        Assert.Equal((6L, 1L, 0L), (applied.Highest(3), applied.Highest(7), applied.Highest(9)));
        Assert.Equal(7, applied.Version);
    }

    [Fact]
    public void Every_bucket_of_many_is_remembered_and_the_snapshot_restores_them_in_first_applied_order()
    {
        var applied = new AppliedChanges();
        for (var round = 1; round <= 3; round++)
            for (var bucket = 63; bucket >= 0; bucket--)
                Assert.True(applied.TryApply(Change(bucket, (round * 100) + bucket)));

        var snapshot = applied.ToSnapshot();
        Assert.Equal(Enumerable.Range(0, 64).Reverse(), snapshot.Keys);
        Assert.All(snapshot, pair => Assert.Equal(300 + pair.Key, pair.Value));

        var restored = new AppliedChanges(snapshot);
        Assert.Equal(applied.Version, restored.Version);
        Assert.False(restored.TryApply(Change(10, 310)));
        Assert.True(restored.TryApply(Change(10, 311)));
        Assert.True(restored.TryApply(Change(64, 1)));
        Assert.Equal(65, restored.ToSnapshot().Count);
    }
}
