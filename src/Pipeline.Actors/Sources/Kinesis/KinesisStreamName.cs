using Pipeline.Actors.Records;

namespace Pipeline.Actors.Sources.Kinesis;

/// <summary>The original clients' stream names: <c>streaming-&lt;prefix&gt;-pin|geo|user</c>, the suffix naming the table.</summary>
public static class KinesisStreamName
{
    private const string Start = "streaming-";

    public static string For(string prefix, Table table) => $"{Start}{prefix}-{table.Name()}";

    public static bool TryParse(string streamName, out string prefix, out Table table)
    {
        prefix = "";
        table = default;
        var lastDash = streamName.LastIndexOf('-');
        if (!streamName.StartsWith(Start, StringComparison.Ordinal) || lastDash <= Start.Length
            || !TableNames.TryParse(streamName[(lastDash + 1)..], out table))
        {
            return false;
        }

        prefix = streamName[Start.Length..lastDash];
        return true;
    }
}
