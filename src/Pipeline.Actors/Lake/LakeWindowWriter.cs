using System.Text.Json;
using Pipeline.Actors.Records;

namespace Pipeline.Actors.Lake;

/// <summary>
/// Writes one window: first its marker (so a replay closes the window at the same record), then its
/// raw object, its clean table parts (one per table and date) and its quarantine object. The
/// returned position is the window's last, to be committed; it is returned only once every object
/// is durable.
/// </summary>
public sealed class LakeWindowWriter(ILakeStore store)
{
    public async Task<SourcePosition> WriteAsync(LakeWindow window, CancellationToken cancellationToken = default)
    {
        var first = window.First;
        await store.PutAsync(LakeKeys.WindowMarker(first, window.MarkerLastOffset), Marker(window), cancellationToken);

        var writes = new List<Task> { store.PutAsync(LakeKeys.Raw(first), RawObject.Write(window.Entries), cancellationToken) };
        var quarantined = window.Entries.Select(e => e.Cleaned).OfType<QuarantinedRecord>().ToList();
        if (quarantined.Count > 0)
            writes.Add(store.PutAsync(LakeKeys.Quarantine(first), QuarantineObject.Write(quarantined), cancellationToken));
        var parts = window.Entries
            .Select(e => e.Cleaned)
            .OfType<CleanedRecord>()
            .Select(c => new CleanTableRow(c.Record, c.Position))
            .GroupBy(row => (row.Record.Table, row.Date));
        foreach (var part in parts)
            writes.Add(WritePartAsync(part.Key.Table, part.Key.Date, first, part.ToList(), cancellationToken));
        await Task.WhenAll(writes);
        return window.Last;
    }

    private async Task WritePartAsync(Table table, DateOnly date, SourcePosition first, List<CleanTableRow> rows, CancellationToken cancellationToken)
    {
        var content = await ParquetTables.WriteAsync(table, rows, cancellationToken);
        await store.PutAsync(LakeKeys.TablePart(table, date, first), content, cancellationToken);
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
