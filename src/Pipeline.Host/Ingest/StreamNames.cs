using Pipeline.Actors.Records;

namespace Pipeline.Host.Ingest;

/// <summary>
/// The names the original clients used: Kafka topics <c>&lt;prefix&gt;.pin|geo|user</c> and
/// Kinesis streams <c>streaming-&lt;prefix&gt;-pin|geo|user</c>, where the prefix is the user's id.
/// </summary>
public static class StreamNames
{
    public static bool TryParseTopic(string topic, out string prefix, out Table table)
    {
        var dot = topic.LastIndexOf('.');
        prefix = dot > 0 ? topic[..dot] : "";
        return TableNames.TryParse(dot > 0 ? topic[(dot + 1)..] : null, out table) && IsValidPrefix(prefix);
    }

    public static bool TryParseStream(string stream, out string prefix, out Table table)
    {
        const string head = "streaming-";
        var dash = stream.LastIndexOf('-');
        prefix = stream.StartsWith(head, StringComparison.Ordinal) && dash > head.Length ? stream[head.Length..dash] : "";
        return TableNames.TryParse(dash > 0 ? stream[(dash + 1)..] : null, out table) && IsValidPrefix(prefix);
    }

    public static string Topic(string prefix, Table table) => $"{prefix}.{table.Name()}";

    public static string Stream(string prefix, Table table) => $"streaming-{prefix}-{table.Name()}";

    /// <summary>Kafka topic names allow letters, digits, '.', '_' and '-' (249 characters at most).</summary>
    private static bool IsValidPrefix(string prefix) =>
        prefix.Length is > 0 and <= 240 && prefix.All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '_' or '-');
}
