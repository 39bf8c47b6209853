namespace Pipeline.Actors.Records;

/// <summary>One record as a source delivered it: the table it belongs to, its bytes (UTF-8 JSON as
/// the original clients sent it) and where it came from.</summary>
public sealed record RawRecord(Table Table, ReadOnlyMemory<byte> Value, SourcePosition Position);
