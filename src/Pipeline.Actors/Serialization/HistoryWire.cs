using Pipeline.Actors.History;

namespace Pipeline.Actors.Serialization;

/// <summary>Layouts of the history singleton's requests and replies (<c>History/</c>), which reach it
/// through a cluster singleton proxy from any node.</summary>
internal static class HistoryWire
{
    public static IEnumerable<WireType> Types =>
    [
        WireType.Empty("history-run-now", new HistoryScheduler.RunNow()),
        WireType.Empty("get-history-runs", new HistoryScheduler.GetRuns()),
        WireType.Of<HistoryScheduler.HistoryRuns>("history-runs", (w, m) => w.WriteList(m.Runs, Write), r => new HistoryScheduler.HistoryRuns(r.ReadList(ReadRun))),
        WireType.Of<HistoryScheduler.GetLatest>("get-latest-history", (w, m) => w.Write(m.Metric), r => new HistoryScheduler.GetLatest(r.ReadString())),
        WireType.Of<HistoryScheduler.LatestHistory>("latest-history", (w, m) =>
        {
            w.Write(m.Metric);
            w.WriteOptional(m.Table, RecordsWire.Write);
        }, r => new HistoryScheduler.LatestHistory(r.ReadString(), r.ReadOptional(RecordsWire.ReadMetricTable))),
        WireType.Of<HistoryRun>("history-run", Write, ReadRun),
    ];

    private static void Write(BinaryWriter writer, HistoryRun run)
    {
        writer.Write(run.Id);
        writer.WriteInstant(run.Started);
        writer.Write(run.Status switch
        {
            HistoryRunStatus.Succeeded => (byte)0,
            HistoryRunStatus.Failed => (byte)1,
            _ => throw new ArgumentOutOfRangeException(nameof(run), run.Status, null),
        });
        writer.WriteDuration(run.Duration);
        writer.WriteWhole(run.Attempt);
        writer.WriteOptional(run.Error);
    }

    private static HistoryRun ReadRun(BinaryReader reader) => new(
        reader.ReadString(),
        reader.ReadInstant(),
        reader.ReadByte() switch
        {
            0 => HistoryRunStatus.Succeeded,
            1 => HistoryRunStatus.Failed,
            var status => throw new InvalidDataException($"unknown history run status {status}"),
        },
        reader.ReadDuration(),
        reader.ReadWholeInt(),
        reader.ReadOptionalString());
}
