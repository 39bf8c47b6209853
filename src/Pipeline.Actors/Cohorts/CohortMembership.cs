using System.Globalization;
using Pipeline.Actors.Assembly;

namespace Pipeline.Actors.Cohorts;

/// <summary>
/// Which posts belong to one cohort: the answer of <c>CohortKeys.Of(post).Contains(key)</c>, from the
/// parts of the key read once, so a cohort tests every change it is sent without building the keys
/// of the post.
/// </summary>
public sealed class CohortMembership
{
    private readonly CohortKind _kind;
    private readonly bool _possible;
    private readonly string? _value;
    private readonly int _year;

    private CohortMembership(CohortKind kind, bool possible, string? value = null, int year = 0)
    {
        _kind = kind;
        _possible = possible;
        _value = value;
        _year = year;
    }

    /// <summary>The membership of <paramref name="key"/>; a key <see cref="CohortKeys"/> never writes
    /// has no member.</summary>
    public static CohortMembership Of(string key)
    {
        var kind = CohortKeys.KindOf(key);
        var rest = key[(key.IndexOf('|') + 1)..];
        switch (kind)
        {
            case CohortKind.Directory:
                return new(kind, key == CohortKeys.Directory);
            case CohortKind.Country:
            case CohortKind.AgeGroup:
                return new(kind, true, rest);
            case CohortKind.PostYear:
            case CohortKind.JoinYear:
                return new(kind, TryYear(rest, out var year), year: year);
            default:
                var bar = rest.LastIndexOf('|');
                var joinYear = 0;
                var possible = bar >= 0 && TryYear(rest[(bar + 1)..], out joinYear);
                return new(kind, possible, rest[..Math.Max(bar, 0)], joinYear);
        }
    }

    public bool Includes(AssembledPost post) => _possible && _kind switch
    {
        CohortKind.Directory => post.Country is not null,
        CohortKind.Country => post.Country == _value,
        CohortKind.PostYear => post.PostYear == _year && post.Category is not null,
        CohortKind.AgeGroup => post.AgeGroup == _value,
        CohortKind.JoinYear => post.JoinYear == _year,
        _ => post.JoinYear == _year && post.AgeGroup == _value && post.FollowerCount is not null,
    };

    // Only the year text CohortKeys writes names a year: "02020" names none.
    private static bool TryYear(string text, out int year) =>
        int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out year)
        && year.ToString(CultureInfo.InvariantCulture) == text;
}
