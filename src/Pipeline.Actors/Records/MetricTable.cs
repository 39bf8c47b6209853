namespace Pipeline.Actors.Records;

/// <summary>
/// One metric's answer as a table: the same shape whether it was maintained live by the entities or
/// computed over the lake, so the two can be compared cell by cell ("same answer, two ways").
/// Rows are sorted by the first column, then the next ones. Cells are strings, whole numbers
/// (<see cref="long"/>) or null.
/// </summary>
public sealed record MetricTable(string Metric, IReadOnlyList<string> Columns, IReadOnlyList<IReadOnlyList<object?>> Rows);

/// <summary>The historical metrics of the original project (their definitions are in the live-state
/// issue and DESIGN.md): names and columns, shared by the live and the lake computations.</summary>
public static class MetricNames
{
    public const string CategoryByCountry = "category_by_country";
    public const string CategoryByYear = "category_by_year";
    public const string TopUserByCountry = "top_user_by_country";
    public const string TopCountry = "top_country";
    public const string CategoryByAgeGroup = "category_by_age_group";
    public const string MedianFollowersByAgeGroup = "median_followers_by_age_group";
    public const string UsersJoinedByYear = "users_joined_by_year";
    public const string MedianFollowersByJoinYear = "median_followers_by_join_year";
    public const string MedianFollowersByAgeGroupAndJoinYear = "median_followers_by_age_group_and_join_year";

    public static readonly IReadOnlyDictionary<string, IReadOnlyList<string>> Columns = new Dictionary<string, IReadOnlyList<string>>
    {
        [CategoryByCountry] = ["country", "category", "category_count"],
        [CategoryByYear] = ["post_year", "category", "category_count"],
        [TopUserByCountry] = ["country", "poster_name", "follower_count"],
        [TopCountry] = ["country", "poster_name", "follower_count"],
        [CategoryByAgeGroup] = ["age_group", "category", "category_count"],
        [MedianFollowersByAgeGroup] = ["age_group", "median_follower_count"],
        [UsersJoinedByYear] = ["post_year", "number_users_joined"],
        [MedianFollowersByJoinYear] = ["post_year", "median_follower_count"],
        [MedianFollowersByAgeGroupAndJoinYear] = ["age_group", "post_year", "median_follower_count"],
    };
}
