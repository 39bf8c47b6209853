namespace Pipeline.Actors.Cohorts;

/// <summary>Years from <see cref="From"/> to <see cref="To"/>, both included.</summary>
public sealed record YearRange(int From, int To)
{
    /// <summary>The post years of the metrics by default (geo timestamp).</summary>
    public static readonly YearRange DefaultPostYears = new(2018, 2022);

    /// <summary>The join years of the metrics by default (date_joined).</summary>
    public static readonly YearRange DefaultJoinYears = new(2015, 2020);

    /// <summary>Longer ranges would ask one cohort per year for nothing.</summary>
    public const int MaxYears = 200;

    public IEnumerable<int> Years => Enumerable.Range(From, To - From + 1);

    /// <summary>Throws <see cref="ArgumentException"/> for an empty or oversized range.</summary>
    public YearRange Validated() =>
        To < From || To - From + 1 > MaxYears || From < 1 || To > 9999
            ? throw new ArgumentException($"invalid year range {From}..{To}: must be increasing, within 1..9999 and at most {MaxYears} years")
            : this;
}
