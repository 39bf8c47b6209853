using Akka;
using Akka.Streams.Dsl;
using Pipeline.Actors.Records;

namespace Pipeline.Actors.Positions;

/// <summary>
/// Decides which source positions may be committed when several consumers (the lake, the live state)
/// each make every element durable in their own time (DESIGN.md, "Positions"). Each consumer reports
/// positions it has made durable, meaning "everything of this partition up to here"; a position may
/// be committed once every consumer has reported it or a later one of the same partition.
/// </summary>
public sealed class CommitGate
{
    private readonly Dictionary<(string Source, string Partition), SourcePosition?[]> _durable = new();
    private readonly Dictionary<(string Source, string Partition), SourcePosition> _committable = new();
    private readonly int _consumers;

    /// <summary>A stage over (consumer, durable position) reports that emits each committable position;
    /// every materialisation has its own gate.</summary>
    public static Flow<(int Consumer, SourcePosition Position), SourcePosition, NotUsed> Flow(int consumers) =>
        Akka.Streams.Dsl.Flow.Create<(int Consumer, SourcePosition Position)>()
            .StatefulSelectMany(() =>
            {
                var gate = new CommitGate(consumers);
                return new Func<(int Consumer, SourcePosition Position), IEnumerable<SourcePosition>>(report =>
                    gate.Report(report.Consumer, report.Position) is { } committable ? [committable] : []);
            });

    public CommitGate(int consumers)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(consumers, 1);
        _consumers = consumers;
    }

    /// <summary>Records that <paramref name="consumer"/> made everything up to <paramref name="position"/>
    /// durable, and returns the position that became committable because of it, if any.</summary>
    public SourcePosition? Report(int consumer, SourcePosition position)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(consumer);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(consumer, _consumers);

        var key = (position.Source, position.Partition);
        if (!_durable.TryGetValue(key, out var reports))
            _durable[key] = reports = new SourcePosition?[_consumers];
        var previous = reports[consumer];
        if (previous is not null && SourcePosition.CompareOffsets(position.Offset, previous.Offset) <= 0)
            return null;
        reports[consumer] = position;

        var lowest = reports[0];
        foreach (var report in reports)
        {
            if (report is null)
                return null;
            if (SourcePosition.CompareOffsets(report.Offset, lowest!.Offset) < 0)
                lowest = report;
        }

        if (_committable.TryGetValue(key, out var committed) && SourcePosition.CompareOffsets(lowest!.Offset, committed.Offset) <= 0)
            return null;
        _committable[key] = lowest!;
        return lowest;
    }
}
