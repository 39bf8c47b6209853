using Pipeline.Actors.Records;
using Pipeline.Actors.Sources.Kinesis.Ownership;

namespace Pipeline.Actors.Sources.Kinesis;

/// <summary>The reading state of one shard inside <see cref="KinesisShardsStage"/>; touched only by the stage.</summary>
internal sealed class ShardReader(ShardKey key, Table table, string? checkpoint, bool startsAtBeginning)
{
    public ShardKey Key { get; } = key;
    public Table Table { get; } = table;
    public string SourceName { get; } = KinesisSource.SourceNameOf(key.Stream);
    /// <summary>Without a checkpoint, start at the shard's first record rather than the configured initial position.</summary>
    public bool StartsAtBeginning { get; } = startsAtBeginning;
    public string? Iterator { get; set; }
    /// <summary>The last record read (buffered or emitted), else the checkpoint: where a new iterator starts.</summary>
    public string? LastSequence { get; set; } = checkpoint;
    /// <summary>The last record pushed downstream: what must be reported done before a handoff is clean.</summary>
    public string? LastEmitted { get; set; }
    public Queue<RawRecord> Buffer { get; } = new();
    public bool InFlight { get; set; }
    public bool PollDue { get; set; }
    /// <summary>The shard is closed and its last record was read.</summary>
    public bool EndReached { get; set; }
    /// <summary>Read to its end and every record emitted; the host was told.</summary>
    public bool Ended { get; set; }
    public int FailuresInARow { get; set; }
    /// <summary>When the last GetRecords answered; the next starts at least the minimum spacing
    /// later, so the service sees the calls spaced even when sending was delayed.</summary>
    public DateTime LastGetRecordsAt { get; set; } = DateTime.MinValue;
    public long? MillisBehindLatest { get; set; }
}
