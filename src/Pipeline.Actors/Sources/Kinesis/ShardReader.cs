using Pipeline.Actors.Records;
using Pipeline.Actors.Sources.Kinesis.Client;

namespace Pipeline.Actors.Sources.Kinesis;

internal enum ShardPhase
{
    /// <summary>A parent shard is not finished yet.</summary>
    Waiting,
    Reading,
    /// <summary>Closed, read to its end, and every record emitted.</summary>
    Finished,
}

/// <summary>The reading state of one shard inside <see cref="KinesisStreamStage"/>; touched only by the stage.</summary>
internal sealed class ShardReader(Shard shard, string? checkpoint)
{
    public Shard Shard { get; } = shard;
    public string ShardId => Shard.ShardId;
    public ShardPhase Phase { get; set; } = ShardPhase.Waiting;
    public string? Iterator { get; set; }
    /// <summary>The last record read (buffered or emitted), else the checkpoint: where a new iterator starts.</summary>
    public string? LastSequence { get; set; } = checkpoint;
    public Queue<RawRecord> Buffer { get; } = new();
    public bool InFlight { get; set; }
    public bool PollDue { get; set; }
    public bool EndReached { get; set; }
    public int FailuresInARow { get; set; }
    /// <summary>When the last GetRecords answered; the next starts at least the minimum spacing
    /// later, so the service sees the calls spaced even when sending was delayed.</summary>
    public DateTime LastGetRecordsAt { get; set; } = DateTime.MinValue;
    public long? MillisBehindLatest { get; set; }
    public bool HasKnownParent { get; set; }
}
