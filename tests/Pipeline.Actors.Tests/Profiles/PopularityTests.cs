using Pipeline.Actors.Profiles;
using Xunit;

namespace Pipeline.Actors.Tests.Profiles;

public class PopularityTests
{
    private static readonly TimeSpan HalfLife = TimeSpan.FromHours(24);
    private static readonly DateTimeOffset Now = new(2024, 6, 1, 0, 0, 0, TimeSpan.Zero);

    private static DateTimeOffset Arrival(DateTimeOffset arrival) => arrival;

    [Fact]
    public void A_post_counts_one_on_arrival_and_half_one_half_life_later()
    {
        var key = Popularity.RankKey(1000, [Now], Arrival, HalfLife);

        Assert.Equal(1000, Popularity.ScoreAt(key, Now, HalfLife), 6);
        Assert.Equal(500, Popularity.ScoreAt(key, Now + HalfLife, HalfLife), 6);
    }

    [Fact]
    public void Scores_add_up_over_posts_and_no_followers_scores_zero()
    {
        var key = Popularity.RankKey(100, [Now, Now - HalfLife, Now - 2 * HalfLife], Arrival, HalfLife);

        Assert.Equal(100 * 1.75, Popularity.ScoreAt(key, Now, HalfLife), 6);
        Assert.Equal(0, Popularity.ScoreAt(Popularity.RankKey(null, [Now], Arrival, HalfLife), Now, HalfLife));
        Assert.Equal(0, Popularity.ScoreAt(Popularity.RankKey(0, [Now], Arrival, HalfLife), Now, HalfLife));
    }

    [Fact]
    public void The_rank_key_orders_profiles_as_their_scores_do_at_any_time_and_never_overflows()
    {
        var recent = Popularity.RankKey(100, [Now], Arrival, HalfLife);
        var older = Popularity.RankKey(150, [Now - HalfLife], Arrival, HalfLife);
        var far = Popularity.RankKey(5, [Now.AddYears(40)], Arrival, HalfLife);

        Assert.True(recent > older);
        foreach (var at in new[] { Now, Now.AddDays(3), Now.AddYears(1) })
            Assert.True(Popularity.ScoreAt(recent, at, HalfLife) > Popularity.ScoreAt(older, at, HalfLife));
        Assert.True(double.IsFinite(far));
    }
}
