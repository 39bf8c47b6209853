using Pipeline.Actors.Assembly;
using Pipeline.Actors.Cohorts;
using Xunit;
using static Pipeline.Actors.Tests.Live.TestRecords;

namespace Pipeline.Actors.Tests.Cohorts;

public class CohortMembershipTests
{
    [Fact]
    public void A_cohort_includes_exactly_the_posts_whose_cohort_keys_name_it()
    {
        var posts = (
            from poster in new[] { "ann", null }
            from followers in new long?[] { 10, null }
            from category in new[] { "art", null }
            from country in new[] { "Chad", "Peru", null }
            from posted in new DateTimeOffset?[] { Year(2019), Year(2020), null }
            from age in new int?[] { 16, 20, 40, null }
            from joined in new DateTimeOffset?[] { Year(2015), Year(2016), null }
            select new AssembledPost(1, Start, new PinFacts(poster, followers, category), new GeoFacts(country, posted), new UserFacts(poster, age, joined)))
            .Append(new AssembledPost(2, Start, null, null, null))
            .ToList();
        string[] unwritten = ["directory|Chad", "post-year|02020", "join-year|x", "age-join|18-24", "age-join|18-24|2016x", "country|"];
        var keys = posts.SelectMany(CohortKeys.Of).Distinct().Concat(unwritten).ToList();

        foreach (var key in keys)
        {
            var membership = CohortMembership.Of(key);
            foreach (var post in posts)
                Assert.True(CohortKeys.Of(post).Contains(key) == membership.Includes(post), $"{key} of {post}");
        }
        Assert.Contains(CohortKeys.AgeGroupAndJoinYear("18-24", 2016), keys);
    }
}
