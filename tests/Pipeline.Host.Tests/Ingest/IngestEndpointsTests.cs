using System.Net;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Pipeline.Host.Engine;
using Pipeline.Host.Ingest;
using Xunit;

namespace Pipeline.Host.Tests.Ingest;

/// <summary>The endpoints' HTTP contract over a real Kestrel socket, with a recording target standing
/// in for the log (the Kafka-backed target has its own tests).</summary>
public sealed class IngestEndpointsTests : IAsyncLifetime
{
    private readonly RecordingTarget _target = new();
    private readonly EngineLifecycle _lifecycle = new();
    private WebApplication _app = null!;
    private HttpClient _http = null!;

    public async Task InitializeAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Services.AddSingleton<IIngestTarget>(_target);
        _app = builder.Build();
        _app.MapIngest(new IngestSettings("http://127.0.0.1:0", MaxBodyBytes: 4096), _lifecycle);
        await _app.StartAsync();
        var address = _app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        _http = new HttpClient { BaseAddress = new Uri(address) };
    }

    public async Task DisposeAsync()
    {
        _http.Dispose();
        await _app.DisposeAsync();
    }

    private static StringContent Json(string body, string mediaType = "application/vnd.kafka.json.v2+json") =>
        new(body, Encoding.UTF8, mediaType);

    [Fact]
    public async Task A_kafka_rest_produce_answers_with_the_offsets_the_log_acknowledged()
    {
        var response = await _http.PostAsync("/topics/0a1b2c3d4e5f.pin", Json("""{"records":[{"value":{"index":7528,"title":"x"}}]}"""));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/vnd.kafka.v2+json", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal("""{"offsets":[{"partition":0,"offset":0,"error_code":null,"error":null}],"key_schema_id":null,"value_schema_id":null}""",
            await response.Content.ReadAsStringAsync());
        var written = Assert.Single(_target.Topics);
        Assert.Equal(("0a1b2c3d4e5f.pin", """{"index":7528,"title":"x"}"""), written);
    }

    [Fact]
    public async Task While_the_engine_drains_writes_get_503_and_reach_nothing()
    {
        _lifecycle.Started();
        _lifecycle.BeginDraining();

        var kafka = await _http.PostAsync("/topics/u1.pin", Json("""{"records":[{"value":{"index":1}}]}"""));
        var kinesis = await _http.PutAsync("/streams/streaming-u1-pin/record",
            Json("""{"StreamName":"streaming-u1-pin","Data":{"index":1},"PartitionKey":"k"}""", "application/json"));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, kafka.StatusCode);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, kinesis.StatusCode);
        Assert.Contains("ServiceUnavailableException", await kinesis.Content.ReadAsStringAsync());
        Assert.Empty(_target.Topics);
        Assert.Empty(_target.Streams);
    }

    [Fact]
    public async Task A_body_without_records_gets_the_proxys_422()
    {
        var response = await _http.PostAsync("/topics/u1.geo", Json("""{"value":{"ind":1}}"""));

        Assert.Equal((HttpStatusCode)422, response.StatusCode);
        Assert.Equal("""{"error_code":422,"message":"Unrecognized field: value"}""", await response.Content.ReadAsStringAsync());
        Assert.Empty(_target.Topics);
    }

    [Theory]
    [InlineData("/topics/u1.pin", "{\"records\":[{\"value\":{}}]}", "text/plain", 415)]
    [InlineData("/topics/u1.pin", "{not json", "application/json", 400)]
    [InlineData("/topics/pin", "{\"records\":[{\"value\":{}}]}", "application/json", 404)]
    public async Task Bad_produce_requests_get_a_status_and_a_reason(string path, string body, string mediaType, int status)
    {
        var response = await _http.PostAsync(path, Json(body, mediaType));

        Assert.Equal(status, (int)response.StatusCode);
        using var error = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(status, error.RootElement.GetProperty("error_code").GetInt32());
        Assert.NotEmpty(error.RootElement.GetProperty("message").GetString()!);
        Assert.Empty(_target.Topics);
    }

    [Fact]
    public async Task Bodies_over_the_limit_get_413()
    {
        var big = "{\"records\":[{\"value\":{\"title\":\"" + new string('x', 5000) + "\"}}]}";

        var response = await _http.PostAsync("/topics/u1.pin", Json(big));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Empty(_target.Topics);
    }

    [Fact]
    public async Task A_kinesis_put_record_answers_like_kinesis()
    {
        var response = await _http.PutAsync("/streams/streaming-u1-geo/record",
            Json("""{"StreamName":"streaming-u1-geo","Data":{"ind":3,"timestamp":"2020-08-28 03:52:47"},"PartitionKey":"partition-1"}""", "application/json"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("""{"SequenceNumber":"1","ShardId":"shardId-000000000000"}""", await response.Content.ReadAsStringAsync());
        Assert.Equal(("streaming-u1-geo", """{"ind":3,"timestamp":"2020-08-28 03:52:47"}"""), Assert.Single(_target.Streams));
    }

    [Fact]
    public async Task A_kinesis_put_records_batch_answers_per_record()
    {
        var response = await _http.PutAsync("/streams/streaming-u1-user/records",
            Json("""{"records":[{"data":{"ind":1},"partition-key":"a"},{"data":{"ind":2},"partition-key":"b"}]}""", "application/json"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(0, body.RootElement.GetProperty("FailedRecordCount").GetInt32());
        Assert.Equal(2, body.RootElement.GetProperty("Records").GetArrayLength());
    }

    [Fact]
    public async Task Bad_kinesis_requests_get_a_kinesis_error()
    {
        var response = await _http.PutAsync("/streams/streaming-u1-user/record", Json("""{"Data":12,"PartitionKey":"p"}""", "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        using var error = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("ValidationException", error.RootElement.GetProperty("__type").GetString());
        Assert.Empty(_target.Streams);
    }

    [Fact]
    public async Task Streams_are_listed()
    {
        _target.Known.Add("streaming-u1-pin");

        var body = await _http.GetStringAsync("/streams");

        Assert.Equal("""{"StreamNames":["streaming-u1-pin"],"HasMoreStreams":false}""", body);
    }

    private sealed class RecordingTarget : IIngestTarget
    {
        public List<(string Topic, string Value)> Topics { get; } = [];
        public List<(string Stream, string Data)> Streams { get; } = [];
        public List<string> Known { get; } = [];

        public Task<IReadOnlyList<TopicWrite>> WriteToTopicAsync(string topic, IReadOnlyList<KafkaRestRecord> records, CancellationToken cancellation)
        {
            lock (Topics)
            {
                var first = Topics.Count;
                Topics.AddRange(records.Select(r => (topic, Encoding.UTF8.GetString(r.Value.Span))));
                return Task.FromResult<IReadOnlyList<TopicWrite>>(records.Select((_, i) => new TopicWrite(0, first + i)).ToList());
            }
        }

        public Task<IReadOnlyList<StreamWrite>> WriteToStreamAsync(string stream, IReadOnlyList<KinesisProxyRecord> records, CancellationToken cancellation)
        {
            lock (Streams)
            {
                var first = Streams.Count;
                Streams.AddRange(records.Select(r => (stream, Encoding.UTF8.GetString(r.Data.Span))));
                return Task.FromResult<IReadOnlyList<StreamWrite>>(
                    records.Select((_, i) => new StreamWrite("shardId-000000000000", (first + i + 1).ToString())).ToList());
            }
        }

        public Task<IReadOnlyList<string>> ListStreamsAsync(CancellationToken cancellation) => Task.FromResult<IReadOnlyList<string>>(Known);
    }
}
