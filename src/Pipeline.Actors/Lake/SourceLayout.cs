using System.Text;

namespace Pipeline.Actors.Lake;

/// <summary>
/// Where one source's records go in the lake, from <see cref="Records.SourcePosition.Source"/>:
/// <c>kafka:&lt;clusterId&gt;/&lt;topic&gt;</c> lands under <c>topics/&lt;topic&gt;/partition=&lt;p&gt;/</c> (the Kafka
/// Connect S3 sink layout), <c>kinesis:&lt;stream&gt;</c> under <c>streams/&lt;stream&gt;/shard=&lt;shardId&gt;/</c>,
/// and any other source (e.g. <c>emulator</c>) under <c>sources/&lt;name&gt;/partition=&lt;p&gt;/</c>.
/// Offsets in names are zero-padded to 10 digits for Kafka and other sources (so names sort by
/// offset, as Kafka Connect's do) and written as-is for Kinesis sequence numbers.
/// </summary>
public sealed record SourceLayout(string Root, string Name, string PartitionLabel, bool PadOffsets)
{
    public static SourceLayout Of(string source)
    {
        if (source.StartsWith("kafka:", StringComparison.Ordinal))
        {
            var slash = source.IndexOf('/', 6);
            var topic = slash < 0 ? source[6..] : source[(slash + 1)..];
            return new SourceLayout("topics", Safe(topic), "partition", true);
        }

        if (source.StartsWith("kinesis:", StringComparison.Ordinal))
            return new SourceLayout("streams", Safe(source[8..]), "shard", false);
        return new SourceLayout("sources", Safe(source), "partition", true);
    }

    /// <summary>The folder of one partition, e.g. <c>topics/p.pin/partition=0</c>.</summary>
    public string Folder(string partition) => $"{Root}/{Name}/{PartitionLabel}={Safe(partition)}";

    /// <summary>The file stem of the object that starts at <paramref name="offset"/>, e.g.
    /// <c>p.pin+0+0000000042</c>.</summary>
    public string Stem(string partition, string offset) => $"{Name}+{Safe(partition)}+{OffsetToken(offset)}";

    public string OffsetToken(string offset) =>
        PadOffsets && offset.Length < 10 ? offset.PadLeft(10, '0') : offset;

    /// <summary>Inverse of <see cref="OffsetToken"/>: offsets never carry leading zeros.</summary>
    public static string OffsetFromToken(string token)
    {
        var trimmed = token.TrimStart('0');
        return trimmed.Length == 0 ? "0" : trimmed;
    }

    /// <summary>Keeps names to characters that are safe in S3 keys, file names and the <c>+</c>
    /// separated stems; Kafka topics, Kinesis streams and shard ids already are.</summary>
    internal static string Safe(string name)
    {
        var builder = new StringBuilder(name.Length);
        foreach (var c in name)
            builder.Append(char.IsAsciiLetterOrDigit(c) || c is '.' or '_' or '-' ? c : '_');
        return builder.ToString();
    }
}
