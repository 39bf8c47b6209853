using Pipeline.Actors.Sources.Kafka;
using Xunit;

namespace Pipeline.Actors.Tests.Sources.Kafka;

public class PartitionProgressTests
{
    [Fact]
    public void Nothing_is_committable_until_the_first_delivered_offset_is_done()
    {
        var progress = Delivered(5, 6, 7);
        Assert.True(progress.Done(7));
        Assert.True(progress.Done(6));
        Assert.Null(progress.Committable);
        Assert.False(progress.HasUncommitted);

        Assert.True(progress.Done(5));
        Assert.Equal(8, progress.Committable);
        Assert.Equal(0, progress.InFlight);
    }

    [Fact]
    public void Done_through_covers_every_delivered_offset_up_to_it_and_joins_offsets_done_ahead()
    {
        var progress = Delivered(10, 12, 13, 15, 16);
        Assert.True(progress.Done(15));

        Assert.True(progress.DoneThrough(13));
        Assert.Equal(16, progress.Committable);
        Assert.Equal(1, progress.InFlight);

        Assert.False(progress.DoneThrough(14));
        Assert.True(progress.DoneThrough(16));
        Assert.Equal(17, progress.Committable);
        Assert.Equal(0, progress.InFlight);
    }

    [Fact]
    public void Commits_one_past_the_highest_contiguous_done_offset()
    {
        var progress = Delivered(0, 1, 2, 3, 4);
        progress.Done(0);
        progress.Done(1);
        progress.Done(3);
        Assert.Equal(2, progress.Committable);
        Assert.Equal(3, progress.InFlight);
    }

    [Fact]
    public void Gaps_in_offsets_do_not_block_progress()
    {
        var progress = Delivered(10, 13, 20);
        progress.Done(13);
        progress.Done(10);
        Assert.Equal(14, progress.Committable);
    }

    [Fact]
    public void Ignores_offsets_that_are_not_in_flight()
    {
        var progress = Delivered(3, 4);
        Assert.False(progress.Done(2));
        Assert.False(progress.Done(9));
        Assert.True(progress.Done(3));
        Assert.False(progress.Done(3));
        Assert.Equal(4, progress.Committable);
    }

    [Fact]
    public void Tracks_what_was_committed()
    {
        var progress = Delivered(0);
        progress.Done(0);
        Assert.True(progress.HasUncommitted);
        progress.MarkCommitted(1);
        Assert.False(progress.HasUncommitted);
        Assert.Equal(1, progress.Committed);
    }

    private static PartitionProgress Delivered(params long[] offsets)
    {
        var progress = new PartitionProgress();
        foreach (var offset in offsets)
        {
            progress.Delivered(offset);
        }

        return progress;
    }
}
