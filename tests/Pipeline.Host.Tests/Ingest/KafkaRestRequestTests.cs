using System.Text;
using Pipeline.Host.Ingest;
using Xunit;

namespace Pipeline.Host.Tests.Ingest;

public class KafkaRestRequestTests
{
    private static IReadOnlyList<KafkaRestRecord> Parse(string body) => KafkaRestRequest.Parse(Encoding.UTF8.GetBytes(body));

    [Fact]
    public void Keeps_each_value_byte_for_byte_with_its_key_and_partition()
    {
        var records = Parse("""{"records":[{"value":{"index": 7528, "title":"Aydoğdu"}},{"value":{"ind":"1"},"key":"k","partition":2}]}""");

        Assert.Equal(2, records.Count);
        Assert.Equal("""{"index": 7528, "title":"Aydoğdu"}""", Encoding.UTF8.GetString(records[0].Value.Span));
        Assert.Null(records[0].Key);
        Assert.Null(records[0].Partition);
        Assert.Equal("k", records[1].Key);
        Assert.Equal(2, records[1].Partition);
    }

    [Fact]
    public void A_body_without_records_names_its_first_field_as_the_proxy_does()
    {
        var error = Assert.Throws<IngestError>(() => Parse("""{"value":{"index":1},"other":2}"""));

        Assert.Equal(422, error.Status);
        Assert.Equal("Unrecognized field: value", error.Message);
    }

    [Theory]
    [InlineData("{\"records\":", 400)]
    [InlineData("[1,2]", 422)]
    [InlineData("{\"records\":{}}", 422)]
    [InlineData("{\"records\":[]}", 422)]
    [InlineData("{\"records\":[1]}", 422)]
    [InlineData("{\"records\":[{\"key\":\"k\"}]}", 422)]
    [InlineData("{\"records\":[{\"value\":{},\"partition\":-1}]}", 422)]
    [InlineData("{\"records\":[{\"value\":{},\"partition\":\"0\"}]}", 422)]
    public void Malformed_bodies_are_refused_with_a_reason(string body, int status)
    {
        var error = Assert.Throws<IngestError>(() => Parse(body));

        Assert.Equal(status, error.Status);
        Assert.False(string.IsNullOrWhiteSpace(error.Message));
    }
}
