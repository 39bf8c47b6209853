using System.Globalization;
using Pipeline.Actors.Assembly;
using Pipeline.Actors.Cleaning;
using Pipeline.Actors.Records;

namespace Pipeline.Bench;

/// <summary>
/// The live path's cross-node messages built from the real rows, in the sizes the engine sends:
/// <see cref="AssembleRecords"/> of <see cref="RecordsPerAssemble"/> records (a batch of 2,000
/// records over 64 assembler buckets) and <see cref="ApplyPostChanges"/> of
/// <see cref="ChangesPerApply"/> changes.
/// </summary>
internal static class LivePathMessages
{
    public const int RecordsPerAssemble = 32;
    public const int ChangesPerApply = 8;

    /// <summary>Every real row cleaned, at its own offset and arrival second.</summary>
    public static List<CleanedRecord> CleanedRealRows() =>
        RealRows.All()
            .Select((raw, i) => raw with { Position = new SourcePosition("kafka:bench/u1." + raw.Table.Name(), "0", i.ToString(CultureInfo.InvariantCulture), DateTimeOffset.UnixEpoch.AddSeconds(i)) })
            .Select(RecordCleaner.Clean)
            .OfType<CleanedRecord>()
            .ToList();

    /// <summary>The posts the rows make, each as the change a bucket emits when it completes.</summary>
    public static List<PostChange> Changes(List<CleanedRecord> cleaned) =>
        cleaned.GroupBy(record => record.Record.Ind)
            .Select((post, sequence) =>
            {
                var assembled = post.Aggregate(new AssembledPost(post.Key, post.Max(record => record.Position.ArrivalTime), null, null, null), (current, record) => current.With(record.Record));
                return new PostChange((int)(post.Key % 64), sequence + 1, null, assembled);
            })
            .ToList();

    /// <summary>The two batch messages of the live path, named with their size.</summary>
    public static (string Name, IReadOnlyList<object> Messages)[] Batches(List<CleanedRecord> cleaned, List<PostChange> changes) =>
    [
        ($"AssembleRecords ({RecordsPerAssemble} records)", cleaned.Chunk(RecordsPerAssemble).Select(chunk => (object)new AssembleRecords(chunk)).ToList()),
        ($"ApplyPostChanges ({ChangesPerApply} changes)", changes.Chunk(ChangesPerApply).Select(chunk => (object)new ApplyPostChanges(chunk[0].Bucket, chunk, chunk[0].Sequence - 1)).ToList()),
    ];
}
