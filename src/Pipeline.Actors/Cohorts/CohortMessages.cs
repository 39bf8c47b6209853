namespace Pipeline.Actors.Cohorts;

/// <summary>A cohort's answer to <see cref="Assembly.ApplyPostChanges"/>.</summary>
public sealed record CohortChangesApplied(string Key);

/// <summary>Answered with <see cref="CohortSummary"/>.</summary>
public sealed record GetCohortSummary(string Key);

/// <summary>
/// What the metrics need from one cohort. Ties go to the smaller name in ordinal order; the median is
/// the ceil(n/2)-th smallest follower count over the cohort's posts that have one.
/// </summary>
/// <param name="TopCategory">The category with most posts (country, post year, age group cohorts).</param>
/// <param name="TopPoster">The poster with the largest follower count (country cohorts).</param>
/// <param name="FollowerPosts">Posts with a follower count (age group and join year cohorts).</param>
/// <param name="DistinctUsers">Distinct (user_name, age, date_joined) (join year cohorts).</param>
/// <param name="Countries">The countries seen (the directory).</param>
public sealed record CohortSummary(
    string Key,
    string? TopCategory,
    long TopCategoryCount,
    string? TopPoster,
    long? TopPosterFollowers,
    long FollowerPosts,
    long? MedianFollowers,
    long DistinctUsers,
    IReadOnlyList<string> Countries);
