using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Pipeline.Actors.Cleaning;
using Pipeline.Actors.Records;
using Pipeline.Actors.Sources.Kinesis;
using Pipeline.Actors.Sources.Kinesis.Ownership;
using Pipeline.Host.Engine;

namespace Pipeline.Host.Api;

/// <summary><c>GET /api/status</c>: the sources, their positions and lag, the Kafka in use, and what
/// cleaning made of the records so far.</summary>
public static class StatusEndpoint
{
    /// <param name="path">The running path, or null while the engine is still starting.</param>
    public static void MapStatus(this IEndpointRouteBuilder app, KafkaConnection kafka, Func<IngestPath?> path)
    {
        app.MapGet("/api/status", async (HttpContext http) =>
        {
            if (path() is not { } running)
            {
                http.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
                http.Response.ContentType = "application/json";
                await http.Response.WriteAsync("""{"message":"the engine is starting"}""");
                return;
            }

            var status = await running.Kafka.StatusAsync();
            http.Response.ContentType = "application/json";
            await using var writer = new Utf8JsonWriter(http.Response.Body, new JsonWriterOptions { Indented = true });
            writer.WriteStartObject();
            writer.WriteStartObject("kafka");
            writer.WriteString("bootstrap_servers", kafka.BootstrapServers);
            writer.WriteBoolean("embedded", kafka.IsEmbedded);
            writer.WriteString("cluster_id", status.ClusterId);
            writer.WriteBoolean("paused", status.Paused);
            writer.WriteBoolean("stopped", status.Stopped);
            writer.WriteStartArray("partitions");
            foreach (var partition in status.Partitions.OrderBy(p => p.Topic, StringComparer.Ordinal).ThenBy(p => p.Partition))
            {
                writer.WriteStartObject();
                writer.WriteString("topic", partition.Topic);
                writer.WriteNumber("partition", partition.Partition);
                WriteNumberOrNull(writer, "last_delivered", partition.LastDelivered);
                WriteNumberOrNull(writer, "committed", partition.Committed);
                WriteNumberOrNull(writer, "high_watermark", partition.HighWatermark);
                WriteNumberOrNull(writer, "lag", partition.HighWatermark is { } end ? end - (partition.LastDelivered ?? -1) - 1 : null);
                writer.WriteNumber("in_flight", partition.InFlight);
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
            WriteKinesis(writer, running);
            WriteCleaning(writer, running.Tally);
            writer.WriteEndObject();
        });
    }

    private static void WriteKinesis(Utf8JsonWriter writer, IngestPath path)
    {
        writer.WriteStartArray("kinesis");
        var byStream = (path.Kinesis?.Shards ?? new Dictionary<ShardKey, ShardProgress>())
            .GroupBy(shard => shard.Key.Stream)
            .OrderBy(stream => stream.Key, StringComparer.Ordinal);
        foreach (var stream in byStream)
        {
            writer.WriteStartObject();
            writer.WriteString("stream", stream.Key);
            writer.WriteStartArray("shards");
            foreach (var shard in stream.Select(s => s.Value).OrderBy(s => s.ShardId, StringComparer.Ordinal))
            {
                writer.WriteStartObject();
                writer.WriteString("shard", shard.ShardId);
                writer.WriteString("last_read", shard.LastReadSequenceNumber);
                WriteNumberOrNull(writer, "millis_behind_latest", shard.MillisBehindLatest);
                writer.WriteBoolean("finished", shard.Finished);
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
    }

    private static void WriteCleaning(Utf8JsonWriter writer, CleaningTally tally)
    {
        writer.WriteStartObject("cleaning");
        foreach (var table in Enum.GetValues<Table>())
        {
            writer.WriteStartObject(table.Name());
            foreach (var line in tally.Lines().Where(l => l.Table == table))
            {
                var name = line.Kind switch
                {
                    TallyKind.Clean => "clean",
                    TallyKind.Quarantined => $"quarantined.{line.Reason}",
                    _ => $"{line.Field}.{line.Reason}",
                };
                writer.WriteNumber(name, line.Count);
            }

            writer.WriteEndObject();
        }

        writer.WriteEndObject();
    }

    private static void WriteNumberOrNull(Utf8JsonWriter writer, string name, long? value)
    {
        if (value is { } number)
            writer.WriteNumber(name, number);
        else
            writer.WriteNull(name);
    }
}
