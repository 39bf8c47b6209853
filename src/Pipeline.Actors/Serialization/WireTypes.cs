namespace Pipeline.Actors.Serialization;

/// <summary>
/// Every type <see cref="PipelineSerializer"/> writes, gathered from each area's list. Adding a
/// message is one entry in its area's list plus its binding in hocon/serialization.conf; the
/// serialization tests fail until both exist and it round-trips.
/// </summary>
internal static class WireTypes
{
    public static IReadOnlyList<WireType> All { get; } =
    [
        .. RecordsWire.Types,
        .. AssemblyWire.Types,
        .. ProfilesWire.Types,
        .. CategoriesWire.Types,
        .. CohortsWire.Types,
        .. LeaderboardsWire.Types,
        .. CheckpointsWire.Types,
        .. HistoryWire.Types,
        .. KinesisWire.Types,
    ];
}
