using Pipeline.Actors.Records;

namespace Pipeline.Actors.Cleaning;

/// <summary>Collects the field issues of one record; allocates only when there is one.</summary>
internal struct FieldIssueList
{
    private List<FieldIssue>? issues;

    /// <summary>
    /// Records the issue of a clean field: <paramref name="issue"/> when cleaning gave one, otherwise
    /// <see cref="FieldIssueReasons.Missing"/> when the field is null because it never appeared.
    /// </summary>
    public void Add(string field, string? issue, bool isNull)
    {
        var reason = issue ?? (isNull ? FieldIssueReasons.Missing : null);
        if (reason is not null)
        {
            (issues ??= new List<FieldIssue>(2)).Add(new FieldIssue(field, reason));
        }
    }

    public readonly IReadOnlyList<FieldIssue> ToList() => issues is null ? [] : issues;
}
