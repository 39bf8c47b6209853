namespace Pipeline.Actors.History;

/// <summary>The inclusive year ranges the year metrics count: post years (geo timestamp) for
/// <c>category_by_year</c>, join years (user date_joined) for the join-year metrics.</summary>
public sealed record MetricRanges(int PostYearFrom, int PostYearTo, int JoinYearFrom, int JoinYearTo)
{
    public static readonly MetricRanges Default = new(2018, 2022, 2015, 2020);
}
