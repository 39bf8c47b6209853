using System.Text.Json;
using Pipeline.Actors.Records;

namespace Pipeline.Actors.Lake;

/// <summary>
/// Writes one window: first its marker (so a replay closes the window at the same record), then its
/// raw object, its clean table parts (one per table and date) and its quarantine object, up to
/// <paramref name="objectParallelism"/> at a time. The returned position is the window's last, to
/// be committed; it is returned only once every object is durable.
/// </summary>
public sealed class LakeWindowWriter(ILakeStore store, LakeDatePartition partitionDate = LakeDatePartition.EventTime, int objectParallelism = 8)
{
    public async Task<SourcePosition> WriteAsync(LakeWindow window, CancellationToken cancellationToken = default)
    {
        var first = window.First;
        await store.PutAsync(LakeKeys.WindowMarker(first, window.MarkerLastOffset), Marker(window), cancellationToken);

        var objects = new List<(string Key, Func<Task<byte[]>> Content)>
        {
            (LakeKeys.Raw(first), () => Task.FromResult(RawObject.Write(window.Entries))),
        };
        var quarantined = window.Entries.Select(e => e.Cleaned).OfType<QuarantinedRecord>().ToList();
        if (quarantined.Count > 0)
            objects.Add((LakeKeys.Quarantine(first), () => Task.FromResult(QuarantineObject.Write(quarantined))));
        var parts = window.Entries
            .Select(e => e.Cleaned)
            .OfType<CleanedRecord>()
            .Select(c => new CleanTableRow(c.Record, c.Position))
            .GroupBy(row => (row.Record.Table, Date: row.Date(partitionDate)));
        foreach (var part in parts)
        {
            var rows = part.ToList();
            objects.Add((LakeKeys.TablePart(part.Key.Table, part.Key.Date, first), () => ParquetTables.WriteAsync(part.Key.Table, rows, cancellationToken)));
        }

        var options = new ParallelOptions { MaxDegreeOfParallelism = objectParallelism, CancellationToken = cancellationToken };
        await Parallel.ForEachAsync(objects, options, async (item, token) => await store.PutAsync(item.Key, await item.Content(), token));
        return window.Last;
    }

    private static byte[] Marker(LakeWindow window)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteString("source", window.First.Source);
            writer.WriteString("partition", window.First.Partition);
            writer.WriteString("first_offset", window.First.Offset);
            writer.WriteString("last_offset", window.MarkerLastOffset);
            writer.WriteNumber("records", window.Entries.Count);
            writer.WriteEndObject();
        }

        return buffer.ToArray();
    }
}
