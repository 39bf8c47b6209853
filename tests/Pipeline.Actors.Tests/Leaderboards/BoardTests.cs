using Pipeline.Actors.Categories;
using Pipeline.Actors.Leaderboards;
using Pipeline.Actors.Live;
using Pipeline.Actors.Profiles;
using Xunit;
using static Pipeline.Actors.Tests.Live.TestRecords;

namespace Pipeline.Actors.Tests.Leaderboards;

public class BoardTests
{
    private static ProfileStanding Standing(string name, double rank, params BoardMembership[] boards) => Standing(name, 1, rank, boards);

    private static ProfileStanding Standing(string name, long version, double rank, params BoardMembership[] boards) => new(name, version, 1, rank, 1, boards);

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
        board.Update(new CategoryChanged("art", 1, now, [new MinuteCount(Minute(TimeSpan.FromMinutes(5)), 2), new MinuteCount(Minute(TimeSpan.FromHours(3)), 4)]));
        board.Update(new CategoryChanged("food", 1, now, [new MinuteCount(Minute(TimeSpan.FromMinutes(1)), 3), new MinuteCount(Minute(TimeSpan.FromDays(8)), 50)]));

        Assert.Equal([("food", 3L), ("art", 2L)], board.Top(ArrivalWindow.LastHour, 10, now).Select(c => (c.Category, c.Posts)));
        Assert.Equal([("art", 6L), ("food", 3L)], board.Top(ArrivalWindow.LastDay, 10, now).Select(c => (c.Category, c.Posts)));
        Assert.Equal([("art", 6L)], board.Top(ArrivalWindow.LastWeek, 1, now).Select(c => (c.Category, c.Posts)));

        board.Update(new CategoryChanged("art", 2, now, [new MinuteCount(Minute(TimeSpan.FromMinutes(5)), 0)]));
        Assert.Equal([("food", 3L)], board.Top(ArrivalWindow.LastHour, 10, now).Select(c => (c.Category, c.Posts)));
    }

    [Fact]
    public void A_profile_board_keeps_the_later_standing_when_two_arrive_out_of_order()
    {
        var board = new ProfileBoard(BoardIds.Profiles);
        var member = new BoardMembership(board.BoardId, true);
        board.Update(Standing("amy", 7, 50, member));
        board.Update(Standing("amy", 6, 10, member));
        board.Update(Standing("bob", 3, 20, member));
        Assert.Equal([("amy", 50.0), ("bob", 20.0)], board.Top(10).Select(entry => (entry.PosterName, entry.RankKey)));

        board.Update(Standing("bob", 4, 20, new BoardMembership(board.BoardId, false)));
        board.Update(Standing("bob", 3, 20, member));
        Assert.Equal(["amy"], board.Top(10).Select(entry => entry.PosterName));

        var restored = ProfileBoard.FromSnapshot(board.ToSnapshot());
        restored.Update(Standing("amy", 6, 10, member));
        restored.Update(Standing("bob", 2, 30, member));
        Assert.Equal([("amy", 50.0)], restored.Top(10).Select(entry => (entry.PosterName, entry.RankKey)));
    }

    [Fact]
    public void The_category_board_keeps_each_minutes_later_count_when_reports_arrive_out_of_order()
    {
        var board = new CategoryBoard();
        var now = Start.AddDays(10);
        var minute = ArrivalWindow.MinuteOf(now);
        board.Update(new CategoryChanged("art", 9, now, [new MinuteCount(minute, 5)]));
        board.Update(new CategoryChanged("art", 8, now, [new MinuteCount(minute, 4), new MinuteCount(minute - 1, 1)]));
        Assert.Equal([("art", 6L)], board.Top(ArrivalWindow.LastHour, 10, now).Select(c => (c.Category, c.Posts)));

        var restored = CategoryBoard.FromSnapshot(board.ToSnapshot());
        restored.Update(new CategoryChanged("art", 8, now, [new MinuteCount(minute, 1)]));
        Assert.Equal([("art", 6L)], restored.Top(ArrivalWindow.LastHour, 10, now).Select(c => (c.Category, c.Posts)));
    }
}
