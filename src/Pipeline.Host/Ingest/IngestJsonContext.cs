using System.Text.Json.Serialization;

namespace Pipeline.Host.Ingest;

/// <summary>Source-generated JSON for the few values the ingest code serialises itself.</summary>
[JsonSerializable(typeof(string))]
internal sealed partial class IngestJsonContext : JsonSerializerContext;
