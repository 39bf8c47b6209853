using System.Globalization;
using Pipeline.Actors.Assembly;

namespace Pipeline.Actors.Cohorts;

/// <summary>What a cohort entity groups: its kind is the prefix of its entity id.</summary>
public enum CohortKind
{
    /// <summary>The one cohort listing the countries seen (the metrics iterate over them).</summary>
    Directory,
    Country,
    PostYear,
    AgeGroup,
    JoinYear,
    AgeGroupAndJoinYear,
}

/// <summary>Entity ids of the cohorts, and which cohorts a post belongs to.</summary>
public static class CohortKeys
{
    public const string Directory = "directory";

    public static string Country(string country) => "country|" + country;

    public static string PostYear(int year) => "post-year|" + Year(year);

    public static string AgeGroup(string group) => "age-group|" + group;

    public static string JoinYear(int year) => "join-year|" + Year(year);

    public static string AgeGroupAndJoinYear(string group, int year) => "age-join|" + group + "|" + Year(year);

    public static CohortKind KindOf(string key) => key[..(key.IndexOf('|') is var bar and >= 0 ? bar : key.Length)] switch
    {
        Directory => CohortKind.Directory,
        "country" => CohortKind.Country,
        "post-year" => CohortKind.PostYear,
        "age-group" => CohortKind.AgeGroup,
        "join-year" => CohortKind.JoinYear,
        "age-join" => CohortKind.AgeGroupAndJoinYear,
        _ => throw new ArgumentException($"not a cohort key: {key}", nameof(key)),
    };

    /// <summary>The cohorts <paramref name="post"/> contributes to (each at most once).</summary>
    public static IEnumerable<string> Of(AssembledPost post)
    {
        if (post.Country is { } country)
        {
            yield return Directory;
            yield return Country(country);
        }
        if (post.PostYear is { } postYear && post.Category is not null)
            yield return PostYear(postYear);
        if (post.AgeGroup is { } group)
            yield return AgeGroup(group);
        if (post.JoinYear is { } joinYear)
        {
            yield return JoinYear(joinYear);
            if (post.AgeGroup is { } joinGroup && post.FollowerCount is not null)
                yield return AgeGroupAndJoinYear(joinGroup, joinYear);
        }
    }

    private static string Year(int year) => year.ToString(CultureInfo.InvariantCulture);
}
