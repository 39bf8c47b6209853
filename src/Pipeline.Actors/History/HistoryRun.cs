using System.Buffers;
using System.Globalization;
using System.Text.Json;

namespace Pipeline.Actors.History;

public enum HistoryRunStatus
{
    Succeeded,
    Failed,
}

/// <summary>One run of the history job: its id (the UTC start time, <c>yyyyMMddTHHmmssfffZ</c>, which
/// also names its result objects), outcome, duration, attempt (2 for the retry of a failed run) and
/// the error of a failed run.</summary>
public sealed record HistoryRun(string Id, DateTimeOffset Started, HistoryRunStatus Status, TimeSpan Duration, int Attempt, string? Error)
{
    public static string IdOf(DateTimeOffset started) =>
        started.UtcDateTime.ToString("yyyyMMdd'T'HHmmssfff'Z'", CultureInfo.InvariantCulture);

    public byte[] ToJson()
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteString("run", Id);
            writer.WriteString("started", Started.UtcDateTime);
            writer.WriteString("status", Status == HistoryRunStatus.Succeeded ? "succeeded" : "failed");
            writer.WriteNumber("duration_ms", (long)Duration.TotalMilliseconds);
            writer.WriteNumber("attempt", Attempt);
            if (Error is null)
                writer.WriteNull("error");
            else
                writer.WriteString("error", Error);
            writer.WriteEndObject();
        }

        return buffer.WrittenSpan.ToArray();
    }

    public static HistoryRun FromJson(ReadOnlyMemory<byte> json)
    {
        using var document = JsonDocument.Parse(json);
        var root = document.RootElement;
        return new HistoryRun(
            root.GetProperty("run").GetString()!,
            new DateTimeOffset(root.GetProperty("started").GetDateTime(), TimeSpan.Zero),
            root.GetProperty("status").GetString() == "succeeded" ? HistoryRunStatus.Succeeded : HistoryRunStatus.Failed,
            TimeSpan.FromMilliseconds(root.GetProperty("duration_ms").GetInt64()),
            root.GetProperty("attempt").GetInt32(),
            root.GetProperty("error").GetString());
    }
}
