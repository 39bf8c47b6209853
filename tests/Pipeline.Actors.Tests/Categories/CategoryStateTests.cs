using Pipeline.Actors.Assembly;
using Pipeline.Actors.Categories;
using Pipeline.Actors.Live;
using Xunit;
using static Pipeline.Actors.Tests.Live.TestRecords;

namespace Pipeline.Actors.Tests.Categories;

public class CategoryStateTests
{
    private static AssembledPost Post(long ind, string category, DateTimeOffset arrival) =>
        new(ind, arrival, new PinFacts("ann", 10, category), new GeoFacts("Chad", Year(2020)), new UserFacts("ann", 30, Year(2016)));

    [Fact]
    public void A_report_names_each_touched_minute_of_the_category_once_in_order_with_its_count()
    {
        var state = new CategoryState("art");
        var late = Post(1, "art", Start.AddMinutes(10));
        var early = Post(2, "art", Start.AddMinutes(2));
        PostChange[] changes =
        [
            new(0, 1, null, late),
            new(0, 2, null, early),
            new(0, 3, null, Post(3, "art", Start.AddMinutes(10).AddSeconds(30))),
            new(0, 4, null, Post(4, "food", Start.AddMinutes(5))),
            new(0, 5, early, early with { Pin = early.Pin! with { Category = "food" } }),
        ];
        foreach (var change in changes)
            state.Apply(change);

        var changed = state.Changed(changes);

        Assert.Equal(
            [new MinuteCount(ArrivalWindow.MinuteOf(Start.AddMinutes(2)), 0), new MinuteCount(ArrivalWindow.MinuteOf(Start.AddMinutes(10)), 2)],
            changed.Minutes);
        Assert.Equal((2L, Start.AddMinutes(10).AddSeconds(30)), (state.Posts, changed.Clock));
    }

    [Fact]
    public void Minutes_older_than_the_longest_window_behind_the_clock_are_forgotten()
    {
        var state = new CategoryState("art");
        var now = Start.AddDays(30);
        state.Apply(new PostChange(0, 1, null, Post(1, "art", Start)));
        state.Apply(new PostChange(0, 2, null, Post(2, "art", now - ArrivalWindow.Longest)));
        state.Apply(new PostChange(0, 3, null, Post(3, "art", now)));

        Assert.Equal(
            [ArrivalWindow.MinuteOf(now - ArrivalWindow.Longest), ArrivalWindow.MinuteOf(now)],
            state.ToSnapshot().Minutes.Select(minute => minute.Minute));
        Assert.Equal(3, state.Posts);
    }
}
