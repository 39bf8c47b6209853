using Pipeline.Actors.Categories;
using Pipeline.Actors.Leaderboards;
using Pipeline.Actors.Live;
using Pipeline.Actors.Profiles;
using Xunit;
using static Pipeline.Actors.Tests.Live.TestRecords;

namespace Pipeline.Actors.Tests.Leaderboards;

public class BoardTests
{
    private static ProfileStanding Standing(string name, double rank, params BoardMembership[] boards) => new(name, 1, rank, 1, boards);

    [Fact]
    public void A_profile_board_ranks_by_rank_key_then_name_and_drops_members_that_leave()
    {
        var board = new ProfileBoard(BoardIds.ProfilesInCategory("art"));
        var member = new BoardMembership(board.BoardId, true);
        board.Update(Standing("bob", 5, member));
        board.Update(Standing("amy", 5, member));
        board.Update(Standing("cid", 9, member));
        board.Update(Standing("dan", 99, new BoardMembership(BoardIds.Profiles, true)));

        Assert.Equal(["cid", "amy", "bob"], board.Top(10).Select(entry => entry.PosterName));

        board.Update(Standing("cid", 9, new BoardMembership(board.BoardId, false)));
        board.Update(Standing("bob", 6, member));
        Assert.Equal(["bob", "amy"], board.Top(2).Select(entry => entry.PosterName));
    }

    [Fact]
    public void The_category_board_counts_posts_by_arrival_minute_inside_each_window()
    {
        var board = new CategoryBoard();
        var now = Start.AddDays(10);
        long Minute(TimeSpan ago) => ArrivalWindow.MinuteOf(now - ago);
        board.Update(new CategoryChanged("art", now, [new MinuteCount(Minute(TimeSpan.FromMinutes(5)), 2), new MinuteCount(Minute(TimeSpan.FromHours(3)), 4)]));
        board.Update(new CategoryChanged("food", now, [new MinuteCount(Minute(TimeSpan.FromMinutes(1)), 3), new MinuteCount(Minute(TimeSpan.FromDays(8)), 50)]));

        Assert.Equal([("food", 3L), ("art", 2L)], board.Top(ArrivalWindow.LastHour, 10, now).Select(c => (c.Category, c.Posts)));
        Assert.Equal([("art", 6L), ("food", 3L)], board.Top(ArrivalWindow.LastDay, 10, now).Select(c => (c.Category, c.Posts)));
        Assert.Equal([("art", 6L)], board.Top(ArrivalWindow.LastWeek, 1, now).Select(c => (c.Category, c.Posts)));

        board.Update(new CategoryChanged("art", now, [new MinuteCount(Minute(TimeSpan.FromMinutes(5)), 0)]));
        Assert.Equal([("food", 3L)], board.Top(ArrivalWindow.LastHour, 10, now).Select(c => (c.Category, c.Posts)));
    }
}
