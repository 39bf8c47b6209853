namespace Pipeline.Actors.Categories;

/// <summary>Posts of one category that arrived in one minute (minutes since 0001-01-01 UTC).</summary>
public sealed record MinuteCount(long Minute, long Posts);

/// <summary>A category's answer to changes: the absolute post counts of the arrival minutes they
/// touched, for the categories leaderboard (absolute, so applying it twice is harmless).</summary>
/// <param name="Version">Grows with every change the category applied: reports can reach the board
/// through different buckets out of order, and the board keeps each minute's later count.</param>
public sealed record CategoryChanged(string Category, long Version, DateTimeOffset Clock, IReadOnlyList<MinuteCount> Minutes);

/// <summary>Answered with <see cref="CategoryView"/> or <see cref="CategoryNotFound"/>.</summary>
public sealed record GetCategory(string Category, DateTimeOffset AsOf);

/// <param name="ByPostYear">Posts per post year (event time, the geo timestamp).</param>
/// <param name="ByAgeGroup">Posts per age group of the poster (18-24, 25-35, 36-50, 50+).</param>
public sealed record CategoryView(
    string Category,
    long Posts,
    IReadOnlyDictionary<string, long> ByCountry,
    IReadOnlyDictionary<int, long> ByPostYear,
    IReadOnlyDictionary<string, long> ByAgeGroup,
    long PostsLast1h,
    long PostsLast24h,
    long PostsLast7d);

public sealed record CategoryNotFound(string Category);
