using Pipeline.Actors.Records;

namespace Pipeline.Actors.Live;

/// <summary>What the live-state stage batches: stream elements, plus markers for the end of input
/// and for idle time (so a checkpoint can complete while nothing arrives).</summary>
internal abstract record LiveInput
{
    public sealed record Element(Cleaned Cleaned) : LiveInput;

    public sealed record End : LiveInput
    {
        public static readonly End Instance = new();
    }

    public sealed record Idle : LiveInput
    {
        public static readonly Idle Instance = new();
    }
}
