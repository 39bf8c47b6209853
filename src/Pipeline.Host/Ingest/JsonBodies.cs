using System.Text;
using System.Text.Json;

namespace Pipeline.Host.Ingest;

/// <summary>Reading request bodies as JSON, with the reasons a client needs when they are not.</summary>
public static class JsonBodies
{
    /// <summary>Request bodies nest a few levels; anything deeper is not one of ours.</summary>
    private static readonly JsonDocumentOptions Options = new() { MaxDepth = 64 };

    public static JsonDocument ParseObject(ReadOnlyMemory<byte> body)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(body, Options);
        }
        catch (JsonException e)
        {
            throw new IngestError(400, $"body is not valid JSON: {e.Message}");
        }

        if (document.RootElement.ValueKind != JsonValueKind.Object)
        {
            document.Dispose();
            throw new IngestError(422, "body must be a JSON object");
        }

        return document;
    }

    /// <summary>The element's JSON text as UTF-8. Raw text keeps the client's own spelling of
    /// numbers and strings, so the record stored is the record sent.</summary>
    public static ReadOnlyMemory<byte> RawBytes(JsonElement element) => Encoding.UTF8.GetBytes(element.GetRawText());
}
