namespace Pipeline.Host.Ingest;

/// <summary>A request the ingest endpoints refuse, with the HTTP status and the reason sent back.</summary>
public sealed class IngestError(int status, string message) : Exception(message)
{
    public int Status { get; } = status;
}
