using Pipeline.Actors.Assembly;
using Pipeline.Actors.Leaderboards;
using Pipeline.Actors.Profiles;
using Xunit;
using static Pipeline.Actors.Tests.Live.TestRecords;

namespace Pipeline.Actors.Tests.Profiles;

public class ProfileStateTests
{
    private static readonly TimeSpan HalfLife = TimeSpan.FromHours(24);

    private static AssembledPost Post(long ind, string poster, long? followers, string? category, string? country, DateTimeOffset arrival) =>
        new(ind, arrival, new PinFacts(poster, followers, category), new GeoFacts(country, Year(2020)), new UserFacts(poster, 30, Year(2016)));

    private static string Boards(ProfileStanding standing) =>
        string.Join(" ", standing.Boards.Select(board => (board.Member ? "+" : "-") + board.BoardId));

    [Fact]
    public void Revisions_that_move_posts_to_another_category_country_or_poster_move_the_board_counts()
    {
        var state = new ProfileState("ann", HalfLife);
        var first = Post(1, "ann", 10, "art", "Chad", Start);
        var second = Post(2, "ann", 20, "art", "Chad", Start.AddMinutes(1));
        PostChange[] added = [new(0, 1, null, first), new(0, 2, null, second)];
        foreach (var change in added)
            state.Apply(change);
        Assert.Equal("+category|art +country|Chad +profiles", Boards(state.Standing(added)));

        PostChange[] moved = [new(0, 3, first, first with { Pin = first.Pin! with { Category = "food" }, Geo = first.Geo! with { Country = "Peru" } })];
        state.Apply(moved[0]);
        Assert.Equal("+category|art +category|food +country|Chad +country|Peru +profiles", Boards(state.Standing(moved)));

        PostChange[] left = [new(0, 4, second, second with { Pin = second.Pin! with { PosterName = "bob" } })];
        state.Apply(left[0]);
        var standing = state.Standing(left);
        Assert.Equal("-category|art +category|food -country|Chad +country|Peru +profiles", Boards(standing));
        Assert.Equal((1, 10L), (standing.Posts, standing.FollowerCount!.Value));

        PostChange[] gone = [new(0, 5, moved[0].Current, moved[0].Current with { Pin = first.Pin! with { PosterName = "bob" } })];
        state.Apply(gone[0]);
        Assert.Equal("-category|food -country|Peru -profiles", Boards(state.Standing(gone)));
    }

    [Fact]
    public void The_follower_count_falls_back_to_the_next_latest_post_when_the_latest_is_revised_away()
    {
        var state = new ProfileState("ann", HalfLife);
        var older = Post(1, "ann", 100, "art", "Chad", Start);
        var tie = Post(3, "ann", 300, "art", "Chad", Start.AddMinutes(1));
        var latest = Post(2, "ann", 200, "art", "Chad", Start.AddMinutes(1));
        state.Apply(new PostChange(0, 1, null, older));
        state.Apply(new PostChange(0, 2, null, latest));
        state.Apply(new PostChange(0, 3, null, tie));
        Assert.Equal(300, state.FollowerCount);

        state.Apply(new PostChange(0, 4, tie, tie with { Pin = tie.Pin! with { FollowerCount = null } }));
        Assert.Equal(200, state.FollowerCount);

        state.Apply(new PostChange(0, 5, latest, latest with { Pin = latest.Pin! with { PosterName = "bob" } }));
        Assert.Equal(100, state.FollowerCount);

        state.Apply(new PostChange(0, 6, older, older with { Pin = older.Pin! with { FollowerCount = null } }));
        Assert.Null(state.FollowerCount);
        Assert.True(double.IsNegativeInfinity(state.RankKey));
    }

    [Fact]
    public void The_same_posts_give_the_same_rank_key_bits_whatever_order_they_arrived_in()
    {
        var random = new Random(5);
        var posts = Enumerable.Range(0, 40)
            .Select(ind => Post(ind, "ann", 1_000, "art", "Chad", Start.AddMinutes(random.Next(60 * 24 * 10))))
            .ToList();
        var orders = Enumerable.Range(0, 4).Select(_ => posts.OrderBy(_ => random.Next()).ToList()).ToList();
        // The orders chosen do change a sum taken in arrival order, so equal keys show the order is fixed.
        Assert.True(orders.Select(NaiveSum).Distinct().Count() > 1);

        var keys = orders.Select(order =>
        {
            var state = new ProfileState("ann", HalfLife);
            var sequence = 0L;
            foreach (var post in order)
            {
                // Each post first comes with other facts and is revised to its own.
                var draft = post with { Pin = new PinFacts("ann", 5, "food") };
                state.Apply(new PostChange(0, ++sequence, null, draft));
                state.Apply(new PostChange(0, ++sequence, draft, post));
                if (sequence == 40)
                    state = ProfileState.FromSnapshot(state.ToSnapshot(), HalfLife);
            }
            return BitConverter.DoubleToInt64Bits(state.RankKey);
        });

        Assert.Single(keys.Distinct());
    }

    [Fact]
    public void Standings_agree_with_a_recount_from_all_posts_through_random_revisions_and_snapshots()
    {
        var random = new Random(11);
        var state = new ProfileState("ann", HalfLife);
        var posts = new Dictionary<long, AssembledPost>();
        var sequence = 0L;
        for (var delivery = 0; delivery < 300; delivery++)
        {
            var changes = new List<PostChange>();
            for (var i = random.Next(1, 4); i > 0; i--)
            {
                var ind = random.Next(25);
                var previous = posts.GetValueOrDefault(ind);
                var current = Post(
                    ind,
                    random.Next(3) == 0 ? "bob" : "ann",
                    random.Next(4) == 0 ? null : random.Next(1, 1_000),
                    Pick(random, "art", "food", null),
                    Pick(random, "Chad", "Peru", null),
                    previous?.ArrivalTime ?? Start.AddMinutes(random.Next(30)));
                posts[ind] = current;
                changes.Add(new PostChange(0, ++sequence, previous, current));
            }
            foreach (var change in changes)
                state.Apply(change);
            if (delivery % 7 == 0)
                state = ProfileState.FromSnapshot(state.ToSnapshot(), HalfLife);

            var standing = state.Standing(changes);
            var expected = Recount(posts.Values.Where(post => post.PosterName == "ann").ToList(), changes);
            Assert.Equal(expected.Boards, Boards(standing));
            Assert.Equal(expected.Posts, standing.Posts);
            Assert.Equal(expected.FollowerCount, standing.FollowerCount);
            Assert.Equal(expected.RankKey, standing.RankKey);
        }
    }

    private static string? Pick(Random random, params string?[] values) => values[random.Next(values.Length)];

    private static double NaiveSum(IEnumerable<AssembledPost> posts) =>
        posts.Sum(post => Math.Pow(2, (post.ArrivalTime - Start).TotalSeconds / HalfLife.TotalSeconds));

    /// <summary>The standing derived from scratch: the boards of all posts, the latest follower count
    /// by scanning, the rank key over the posts by index.</summary>
    private static (string Boards, int Posts, long? FollowerCount, double RankKey) Recount(IReadOnlyList<AssembledPost> posts, IEnumerable<PostChange> changes)
    {
        static IEnumerable<string> BoardsOf(AssembledPost post) =>
            new[] { post.Category is { } category ? BoardIds.ProfilesInCategory(category) : null, post.Country is { } country ? BoardIds.ProfilesInCountry(country) : null }
                .OfType<string>();
        var members = posts.SelectMany(BoardsOf).Concat(posts.Count > 0 ? [BoardIds.Profiles] : []).ToHashSet();
        var touched = changes.SelectMany(change => new[] { change.Previous, change.Current })
            .Where(post => post?.PosterName == "ann")
            .SelectMany(post => BoardsOf(post!))
            .Append(BoardIds.Profiles);
        var boards = members.Select(board => "+" + board).Concat(touched.Except(members).Select(board => "-" + board))
            .OrderBy(board => board[1..], StringComparer.Ordinal);
        var followers = posts.Where(post => post.FollowerCount is not null)
            .OrderByDescending(post => post.ArrivalTime).ThenByDescending(post => post.Ind)
            .Select(post => post.FollowerCount)
            .FirstOrDefault();
        var byIndex = posts.OrderBy(post => post.Ind).ToArray();
        return (string.Join(" ", boards), posts.Count, followers, Popularity.RankKey(followers, byIndex, static post => post.ArrivalTime, HalfLife));
    }
}
