using System.Buffers;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Pipeline.Host.Engine;

namespace Pipeline.Host.Ingest;

/// <summary>
/// The HTTP shapes the original clients used through API Gateway: a Kafka REST proxy v2
/// (<c>POST /topics/{topic}</c>) and a Kinesis proxy (<c>PUT /streams/{stream}/record(s)</c>,
/// <c>GET /streams</c>). Old scripts work with only their base URL changed. While the engine drains
/// for shutdown, writes get 503 so that clients retry on another node.
/// </summary>
public static class IngestEndpoints
{
    private const string KafkaJson = "application/vnd.kafka.v2+json";

    public static void MapIngest(this IEndpointRouteBuilder app, IngestSettings settings, EngineLifecycle lifecycle)
    {
        app.MapPost("/topics/{topic}", (HttpContext http, string topic, IIngestTarget target) =>
            Answer(http, KafkaJson, KafkaError, async cancellation =>
            {
                RequireOpen(lifecycle);
                RequireContentType(http, 415, "application/vnd.kafka.json.v2+json", "application/json");
                if (!StreamNames.TryParseTopic(topic, out _, out _))
                    throw new IngestError(404, $"Topic {topic} not found: topics are <prefix>.pin, <prefix>.geo or <prefix>.user");
                var records = KafkaRestRequest.Parse(await ReadBody(http, settings.MaxBodyBytes, cancellation));
                var writes = await target.WriteToTopicAsync(topic, records, cancellation);
                return writer =>
                {
                    writer.WriteStartObject();
                    writer.WriteStartArray("offsets");
                    foreach (var write in writes)
                    {
                        writer.WriteStartObject();
                        writer.WriteNumber("partition", write.Partition);
                        writer.WriteNumber("offset", write.Offset);
                        writer.WriteNull("error_code");
                        writer.WriteNull("error");
                        writer.WriteEndObject();
                    }

                    writer.WriteEndArray();
                    writer.WriteNull("key_schema_id");
                    writer.WriteNull("value_schema_id");
                    writer.WriteEndObject();
                };
            }));

        app.MapPut("/streams/{stream}/record", (HttpContext http, string stream, IIngestTarget target) =>
            Answer(http, "application/json", KinesisError, async cancellation =>
            {
                RequireOpen(lifecycle);
                RequireStream(http, stream);
                var record = KinesisProxyRequest.ParseRecord(await ReadBody(http, settings.MaxBodyBytes, cancellation), stream);
                var write = (await target.WriteToStreamAsync(stream, [record], cancellation))[0];
                return writer =>
                {
                    writer.WriteStartObject();
                    writer.WriteString("SequenceNumber", write.SequenceNumber);
                    writer.WriteString("ShardId", write.ShardId);
                    writer.WriteEndObject();
                };
            }));

        app.MapPut("/streams/{stream}/records", (HttpContext http, string stream, IIngestTarget target) =>
            Answer(http, "application/json", KinesisError, async cancellation =>
            {
                RequireOpen(lifecycle);
                RequireStream(http, stream);
                var records = KinesisProxyRequest.ParseRecords(await ReadBody(http, settings.MaxBodyBytes, cancellation));
                var writes = await target.WriteToStreamAsync(stream, records, cancellation);
                return writer =>
                {
                    writer.WriteStartObject();
                    writer.WriteNumber("FailedRecordCount", 0);
                    writer.WriteStartArray("Records");
                    foreach (var write in writes)
                    {
                        writer.WriteStartObject();
                        writer.WriteString("SequenceNumber", write.SequenceNumber);
                        writer.WriteString("ShardId", write.ShardId);
                        writer.WriteEndObject();
                    }

                    writer.WriteEndArray();
                    writer.WriteEndObject();
                };
            }));

        app.MapGet("/streams", (HttpContext http, IIngestTarget target) =>
            Answer(http, "application/json", KinesisError, async cancellation =>
            {
                var names = await target.ListStreamsAsync(cancellation);
                return writer =>
                {
                    writer.WriteStartObject();
                    writer.WriteStartArray("StreamNames");
                    foreach (var name in names)
                        writer.WriteStringValue(name);
                    writer.WriteEndArray();
                    writer.WriteBoolean("HasMoreStreams", false);
                    writer.WriteEndObject();
                };
            }));
    }

    private static void RequireOpen(EngineLifecycle lifecycle)
    {
        if (lifecycle.IsDraining)
            throw new IngestError(503, "this node is shutting down and takes no more records; send them to another node");
    }

    private static void RequireStream(HttpContext http, string stream)
    {
        RequireContentType(http, 415, "application/json", "application/x-amz-json-1.1", null);
        if (!StreamNames.TryParseStream(stream, out _, out _))
            throw new IngestError(404, $"Stream {stream} not found: streams are streaming-<prefix>-pin, -geo or -user");
    }

    /// <param name="accepted">Media types accepted; a null entry accepts a request without one.</param>
    private static void RequireContentType(HttpContext http, int status, params string?[] accepted)
    {
        var given = http.Request.ContentType;
        var mediaType = given?.Split(';')[0].Trim();
        if (!accepted.Any(a => a is null ? mediaType is null : string.Equals(a, mediaType, StringComparison.OrdinalIgnoreCase)))
            throw new IngestError(status, $"Content-Type '{given}' is not supported; use {string.Join(" or ", accepted.Where(a => a is not null))}");
    }

    /// <summary>Reads the whole body, refusing one over the limit with 413 before buffering it.</summary>
    private static async Task<ReadOnlyMemory<byte>> ReadBody(HttpContext http, int limit, CancellationToken cancellation)
    {
        if (http.Request.ContentLength > limit)
            throw new IngestError(413, $"body is larger than {limit} bytes");
        var buffer = new ArrayBufferWriter<byte>(Math.Min(limit, (int)(http.Request.ContentLength ?? 4096)) + 1);
        while (true)
        {
            var read = await http.Request.Body.ReadAsync(buffer.GetMemory(4096), cancellation);
            if (read == 0)
                return buffer.WrittenMemory;
            buffer.Advance(read);
            if (buffer.WrittenCount > limit)
                throw new IngestError(413, $"body is larger than {limit} bytes");
        }
    }

    private static async Task Answer(HttpContext http, string contentType, Action<Utf8JsonWriter, IngestError> writeError,
        Func<CancellationToken, Task<Action<Utf8JsonWriter>>> handle)
    {
        Action<Utf8JsonWriter> body;
        try
        {
            body = await handle(http.RequestAborted);
            http.Response.StatusCode = 200;
        }
        catch (IngestError error)
        {
            http.Response.StatusCode = error.Status;
            body = writer => writeError(writer, error);
        }

        http.Response.ContentType = contentType;
        await using var writer = new Utf8JsonWriter(http.Response.Body);
        body(writer);
    }

    private static void KafkaError(Utf8JsonWriter writer, IngestError error)
    {
        writer.WriteStartObject();
        writer.WriteNumber("error_code", error.Status);
        writer.WriteString("message", error.Message);
        writer.WriteEndObject();
    }

    private static void KinesisError(Utf8JsonWriter writer, IngestError error)
    {
        writer.WriteStartObject();
        writer.WriteString("__type", error.Status switch
        {
            404 => "ResourceNotFoundException",
            413 or 415 => "SerializationException",
            503 => "ServiceUnavailableException",
            _ => "ValidationException",
        });
        writer.WriteString("message", error.Message);
        writer.WriteEndObject();
    }
}
