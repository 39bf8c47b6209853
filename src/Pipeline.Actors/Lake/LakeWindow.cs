using Pipeline.Actors.Records;

namespace Pipeline.Actors.Lake;

/// <summary>
/// The records of one partition (or shard) that go into one set of lake objects, in source order.
/// <paramref name="AlignedLastOffset"/> is set when the window replays one written before a
/// restart: it then covers exactly the same range, so its objects are rewritten, not duplicated.
/// </summary>
public sealed record LakeWindow(IReadOnlyList<LakeEntry> Entries, string? AlignedLastOffset = null)
{
    public SourcePosition First => Entries[0].Position;

    /// <summary>The position the caller may commit once the window is written.</summary>
    public SourcePosition Last => Entries[^1].Position;

    /// <summary>The last offset named by the window marker (the previous run's, when aligned).</summary>
    public string MarkerLastOffset => AlignedLastOffset ?? Last.Offset;
}
