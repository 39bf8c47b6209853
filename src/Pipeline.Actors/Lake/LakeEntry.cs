using Pipeline.Actors.Records;

namespace Pipeline.Actors.Lake;

/// <summary>What the lake stores of one record: the bytes as received (raw layout) and what cleaning
/// made of them (clean tables or quarantine). Both carry the same source position.</summary>
public sealed record LakeEntry(RawRecord Raw, Cleaned Cleaned)
{
    public SourcePosition Position => Raw.Position;
}
