namespace Pipeline.Actors.History;

/// <summary>Orders metric rows by their cells left to right: nulls first, numbers numerically,
/// strings ordinally.</summary>
public sealed class MetricRowOrder : IComparer<IReadOnlyList<object?>>
{
    public static readonly MetricRowOrder Instance = new();

    public int Compare(IReadOnlyList<object?>? x, IReadOnlyList<object?>? y)
    {
        for (var i = 0; i < Math.Min(x!.Count, y!.Count); i++)
        {
            var order = (x[i], y[i]) switch
            {
                (null, null) => 0,
                (null, _) => -1,
                (_, null) => 1,
                (long a, long b) => a.CompareTo(b),
                var (a, b) => string.CompareOrdinal(Convert.ToString(a, System.Globalization.CultureInfo.InvariantCulture), Convert.ToString(b, System.Globalization.CultureInfo.InvariantCulture)),
            };
            if (order != 0)
                return order;
        }

        return x.Count.CompareTo(y.Count);
    }
}
