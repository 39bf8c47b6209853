using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Pipeline.Actors.Records;

namespace Pipeline.Host.Ingest;

/// <summary>
/// Posts records in the request shapes the original clients used: one record per request, to a
/// Kafka REST proxy (<c>POST /topics/&lt;prefix&gt;.&lt;table&gt;</c>) or through the API Gateway
/// Kinesis proxy (<c>PUT /streams/streaming-&lt;prefix&gt;-&lt;table&gt;/record</c>).
/// </summary>
public sealed class IngestClient(HttpClient http, string prefix, bool kinesis)
{
    private static readonly MediaTypeHeaderValue KafkaJson = MediaTypeHeaderValue.Parse("application/vnd.kafka.json.v2+json");
    private static readonly MediaTypeHeaderValue Json = MediaTypeHeaderValue.Parse("application/json");

    /// <summary>Posts one record; throws <see cref="HttpRequestException"/> with the server's reason
    /// when it is refused.</summary>
    public async Task PostAsync(Table table, string record, CancellationToken cancellation)
    {
        using var request = kinesis ? KinesisRequest(table, record) : KafkaRequest(table, record);
        using var response = await http.SendAsync(request, cancellation);
        if (!response.IsSuccessStatusCode)
        {
            var reason = await response.Content.ReadAsStringAsync(cancellation);
            throw new HttpRequestException($"{request.Method} {request.RequestUri} answered {(int)response.StatusCode}: {reason}", null, response.StatusCode);
        }
    }

    /// <summary>The REST proxy takes the value as JSON; a record that is not valid JSON (the
    /// emulator makes a few on purpose) travels as a JSON string, which the engine quarantines.</summary>
    private HttpRequestMessage KafkaRequest(Table table, string record)
    {
        var value = IsJson(record) ? record : JsonSerializer.Serialize(record, IngestJsonContext.Default.String);
        var content = new StringContent($$"""{"records":[{"value":{{value}}}]}""", Encoding.UTF8);
        content.Headers.ContentType = KafkaJson;
        return new HttpRequestMessage(HttpMethod.Post, $"topics/{StreamNames.Topic(prefix, table)}") { Content = content };
    }

    /// <summary>JSON objects go as <c>Data</c> objects, as the original script sent them; anything
    /// else as base64, which carries any bytes.</summary>
    private HttpRequestMessage KinesisRequest(Table table, string record)
    {
        var stream = StreamNames.Stream(prefix, table);
        var data = IsJson(record) && record.TrimStart().StartsWith('{')
            ? record
            : JsonSerializer.Serialize(Convert.ToBase64String(Encoding.UTF8.GetBytes(record)), IngestJsonContext.Default.String);
        var content = new StringContent($$"""{"StreamName":"{{stream}}","Data":{{data}},"PartitionKey":"partition-1"}""", Encoding.UTF8);
        content.Headers.ContentType = Json;
        return new HttpRequestMessage(HttpMethod.Put, $"streams/{stream}/record") { Content = content };
    }

    private static bool IsJson(string text)
    {
        var reader = new Utf8JsonReader(Encoding.UTF8.GetBytes(text));
        try
        {
            reader.Read();
            reader.Skip();
            return !reader.Read();
        }
        catch (JsonException)
        {
            return false;
        }
    }
}
