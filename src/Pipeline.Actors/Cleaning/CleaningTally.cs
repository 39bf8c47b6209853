using System.Collections.Concurrent;
using Pipeline.Actors.Records;

namespace Pipeline.Actors.Cleaning;

/// <summary>
/// Counts cleaning outcomes per table: clean records, quarantined records per reason, and nulled
/// fields per field and reason. Safe to add to from several threads (e.g. a stream sink and a
/// progress reporter reading it).
/// </summary>
public sealed class CleaningTally
{
    private readonly ConcurrentDictionary<TallyKey, StrongBox> counts = new();

    public void Add(Cleaned outcome)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        switch (outcome)
        {
            case CleanedRecord clean:
                Increment(new TallyKey(clean.Table, TallyKind.Clean, null, null));
                foreach (var issue in clean.Issues)
                {
                    Increment(new TallyKey(clean.Table, TallyKind.FieldIssue, issue.Field, issue.Reason));
                }

                break;
            case QuarantinedRecord quarantined:
                Increment(new TallyKey(quarantined.Table, TallyKind.Quarantined, null, quarantined.Reason.Code()));
                break;
        }
    }

    public long CleanCount(Table table) => Count(new TallyKey(table, TallyKind.Clean, null, null));

    public long QuarantinedCount(Table table, QuarantineReason reason) =>
        Count(new TallyKey(table, TallyKind.Quarantined, null, reason.Code()));

    public long FieldIssueCount(Table table, string field, string reason) =>
        Count(new TallyKey(table, TallyKind.FieldIssue, field, reason));

    /// <summary>All non-zero counts: per table, clean first, then quarantine reasons, then field issues.</summary>
    public IReadOnlyList<TallyLine> Lines() =>
        counts
            .Select(pair => new TallyLine(pair.Key.Table, pair.Key.Kind, pair.Key.Field, pair.Key.Reason, Interlocked.Read(ref pair.Value.Value)))
            .OrderBy(line => line.Table)
            .ThenBy(line => line.Kind)
            .ThenBy(line => line.Field, StringComparer.Ordinal)
            .ThenBy(line => line.Reason, StringComparer.Ordinal)
            .ToList();

    private long Count(TallyKey key) => counts.TryGetValue(key, out var box) ? Interlocked.Read(ref box.Value) : 0;

    private void Increment(TallyKey key) => Interlocked.Increment(ref counts.GetOrAdd(key, static _ => new StrongBox()).Value);

    private readonly record struct TallyKey(Table Table, TallyKind Kind, string? Field, string? Reason);

    private sealed class StrongBox
    {
        public long Value;
    }
}
