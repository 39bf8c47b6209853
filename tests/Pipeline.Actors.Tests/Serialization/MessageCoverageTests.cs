using Pipeline.Actors.Assembly;
using Pipeline.Actors.Categories;
using Pipeline.Actors.Checkpoints;
using Pipeline.Actors.Cohorts;
using Pipeline.Actors.History;
using Pipeline.Actors.Leaderboards;
using Pipeline.Actors.Live;
using Pipeline.Actors.Profiles;
using Pipeline.Actors.Serialization;
using Pipeline.Actors.Sources.Kinesis;
using Pipeline.Actors.Sources.Kinesis.Ownership;
using Xunit;

namespace Pipeline.Actors.Tests.Serialization;

/// <summary>
/// A new public record in the folders whose actors talk across nodes is taken for a message: it
/// fails here until it has a layout in <see cref="PipelineSerializer"/> (and a binding, checked by
/// <see cref="PipelineSerializerTests"/>), or is listed below as never leaving its node.
/// </summary>
public sealed class MessageCoverageTests
{
    private static readonly string[] MessageNamespaces =
        ["Assembly", "Profiles", "Categories", "Cohorts", "Leaderboards", "Checkpoints", "Live", "History", "Sources.Kinesis.Ownership"];

    /// <summary>Records of those folders that never cross nodes, and why.</summary>
    private static readonly Type[] LocalOnly =
    [
        // Settings, read from each node's own configuration.
        typeof(AssemblySettings), typeof(ProfileSettings), typeof(CheckpointSettings), typeof(LiveStateSettings),
        typeof(HistorySettings), typeof(MetricRanges),
        // Entity state, and the snapshots it is saved as (JSON bytes, see Checkpoints/SnapshotJson).
        typeof(PendingPost), typeof(PartitionOffset), typeof(AssemblyBucketSnapshot),
        typeof(ProfilePost), typeof(ProfileSnapshot),
        typeof(CategorySnapshot),
        typeof(PosterFollowers), typeof(FollowerValue), typeof(PosterPosts), typeof(CohortSnapshot),
        typeof(BoardEntry), typeof(ProfileBoardSnapshot), typeof(CategoryBoardSnapshot),
        // This node's shard region references, and query parameters checked before any message is sent.
        typeof(LiveRegions), typeof(YearRange),
        // A bucket's own bookkeeping of whom it delivered to (the messages name entities by id).
        typeof(ChangeRecipient),
        // A node's reader host hands its own shard's checkpoint actor over at a handoff.
        typeof(ShardCheckpoints.DrainThrough),
        // The node's own KinesisControl flushing its own reader host.
        typeof(KinesisReaderHost.Flush), typeof(KinesisReaderHost.Flushed),
    ];

    [Fact]
    public void Every_public_record_of_the_messaging_folders_is_serialized_or_declared_local()
    {
        var serialized = PipelineSerializer.Types.ToHashSet();
        var records = typeof(PipelineSerializer).Assembly.GetTypes()
            .Where(type => IsPublic(type) && IsRecord(type) && !type.IsAbstract)
            .Where(type => MessageNamespaces.Any(area => type.Namespace == $"Pipeline.Actors.{area}") || type.DeclaringType == typeof(ShardCheckpoints))
            .ToList();

        Assert.NotEmpty(records);
        Assert.Empty(records.Where(type => !serialized.Contains(type) && !LocalOnly.Contains(type)).Select(type => type.FullName));
    }

    [Fact]
    public void Nothing_declared_local_is_also_serialized()
    {
        Assert.Empty(LocalOnly.Intersect(PipelineSerializer.Types));
    }

    private static bool IsRecord(Type type) => type.GetMethod("<Clone>$") is not null || (type.IsValueType && type.GetMethod("PrintMembers", System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Instance) is not null);

    private static bool IsPublic(Type type) => type.IsPublic || (type.IsNestedPublic && IsPublic(type.DeclaringType!));
}
