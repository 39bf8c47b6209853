namespace Pipeline.Actors.Sources.Kinesis.Ownership;

/// <summary>One shard of one stream: the unit a node owns, reads and checkpoints.</summary>
public sealed record ShardKey(string Stream, string ShardId) : IComparable<ShardKey>
{
    public int CompareTo(ShardKey? other)
    {
        if (other is null)
        {
            return 1;
        }

        var byStream = string.CompareOrdinal(Stream, other.Stream);
        return byStream != 0 ? byStream : string.CompareOrdinal(ShardId, other.ShardId);
    }

    public override string ToString() => $"{Stream}/{ShardId}";
}
