using System.Globalization;
using Pipeline.Actors.Records;

namespace Pipeline.Actors.Lake;

/// <summary>
/// The object names of one window, all derived from its first position (and the table and event
/// date), so a window written again after a crash overwrites the same objects instead of adding
/// duplicates.
/// </summary>
public static class LakeKeys
{
    /// <summary>Raw records as received: <c>topics/&lt;topic&gt;/partition=&lt;p&gt;/&lt;topic&gt;+&lt;p&gt;+&lt;start&gt;.json</c>.</summary>
    public static string Raw(SourcePosition first)
    {
        var layout = SourceLayout.Of(first.Source);
        return $"{layout.Folder(first.Partition)}/{layout.Stem(first.Partition, first.Offset)}.json";
    }

    /// <summary>Quarantined records with their reasons, mirroring the raw name under <c>quarantine/</c>.</summary>
    public static string Quarantine(SourcePosition first) => "quarantine/" + Raw(first);

    /// <summary>One clean table's rows of one window and one event date:
    /// <c>tables/&lt;table&gt;/date=&lt;YYYY-MM-DD&gt;/part-&lt;source&gt;-&lt;p&gt;-&lt;start&gt;.parquet</c>.</summary>
    public static string TablePart(Table table, DateOnly date, SourcePosition first)
    {
        var layout = SourceLayout.Of(first.Source);
        var day = date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        return $"tables/{table.Name()}/date={day}/part-{layout.Name}-{SourceLayout.Safe(first.Partition)}-{layout.OffsetToken(first.Offset)}.parquet";
    }

    public const string TablesPrefix = "tables/";

    /// <summary>The window marker, written before the window's objects: its name records the range
    /// [first, last] so that a replay after a crash closes the window at the same record.</summary>
    public static string WindowMarker(SourcePosition first, string lastOffset)
    {
        var layout = SourceLayout.Of(first.Source);
        return $"{WindowMarkerFolder(first.Source, first.Partition)}{layout.Stem(first.Partition, first.Offset)}+{layout.OffsetToken(lastOffset)}.json";
    }

    public static string WindowMarkerFolder(string source, string partition) =>
        $"_windows/{SourceLayout.Of(source).Folder(partition)}/";

    /// <summary>Reads (first offset, last offset) back from a marker key; false for other keys.</summary>
    public static bool TryParseWindowMarker(string key, out string firstOffset, out string lastOffset)
    {
        firstOffset = lastOffset = "";
        var name = key[(key.LastIndexOf('/') + 1)..];
        if (!name.EndsWith(".json", StringComparison.Ordinal))
            return false;
        var parts = name[..^5].Split('+');
        if (parts.Length != 4)
            return false;
        firstOffset = SourceLayout.OffsetFromToken(parts[2]);
        lastOffset = SourceLayout.OffsetFromToken(parts[3]);
        return true;
    }
}
