using Pipeline.Actors.Assembly;
using Pipeline.Actors.Checkpoints;
using Pipeline.Actors.Cohorts;
using Xunit;
using static Pipeline.Actors.Tests.Live.TestRecords;

namespace Pipeline.Actors.Tests.Cohorts;

public class CohortStateTests
{
    private static AssembledPost Post(long ind, string poster, long? followers, string category, int age = 30) =>
        new(ind, Start, new PinFacts(poster, followers, category), new GeoFacts("Chad", Year(2020)), new UserFacts(poster, age, Year(2016)));

    [Fact]
    public void The_median_is_the_lower_middle_value_over_posts_with_a_follower_count()
    {
        var cohort = new CohortState(CohortKeys.AgeGroup("25-35"));
        long?[] followers = [40, 10, null, 30, 20];
        for (var i = 0; i < followers.Length; i++)
            cohort.Apply(new PostChange(0, i + 1, null, Post(i, $"p{i}", followers[i], "art")));

        Assert.Equal((20L, 4L), (cohort.Summary().MedianFollowers!.Value, cohort.Summary().FollowerPosts));
        cohort.Apply(new PostChange(0, 9, null, Post(9, "p9", 25, "art")));
        Assert.Equal(25, cohort.Summary().MedianFollowers);
    }

    [Fact]
    public void A_revision_moves_the_contribution_and_ties_go_to_the_smaller_name()
    {
        var country = new CohortState(CohortKeys.Country("Chad"));
        var first = Post(1, "zed", 500, "food");
        country.Apply(new PostChange(0, 1, null, first));
        country.Apply(new PostChange(0, 2, null, Post(2, "amy", 300, "art")));
        Assert.Equal(("zed", 500L, "art"), (country.Summary().TopPoster, country.Summary().TopPosterFollowers!.Value, country.Summary().TopCategory));

        country.Apply(new PostChange(0, 3, first, first with { Pin = new PinFacts("zed", 300, "food") }));

        Assert.Equal(("amy", 300L), (country.Summary().TopPoster, country.Summary().TopPosterFollowers!.Value));
        Assert.Equal(("art", 1L), (country.Summary().TopCategory, country.Summary().TopCategoryCount));
    }

    [Fact]
    public void A_change_applied_before_is_ignored_also_after_a_snapshot()
    {
        var cohort = new CohortState(CohortKeys.JoinYear(2016));
        var change = new PostChange(3, 7, null, Post(1, "amy", 10, "art"));
        Assert.True(cohort.Apply(change));

        var restored = CohortState.FromSnapshot(SnapshotJson.Deserialize<CohortSnapshot>(SnapshotJson.Serialize(cohort.ToSnapshot())));

        Assert.False(restored.Apply(change));
        Assert.False(restored.Apply(change with { Sequence = 6 }));
        Assert.True(restored.Apply(change with { Bucket = 4 }));
        Assert.Equal(1, restored.Summary().DistinctUsers);
        Assert.Equal(2, restored.Summary().FollowerPosts);
    }
}
