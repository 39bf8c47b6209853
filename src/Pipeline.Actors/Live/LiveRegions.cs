using System.Globalization;
using Akka.Actor;
using Akka.Cluster.Sharding;
using Pipeline.Actors.Assembly;
using Pipeline.Actors.Categories;
using Pipeline.Actors.Checkpoints;
using Pipeline.Actors.Cohorts;
using Pipeline.Actors.Leaderboards;
using Pipeline.Actors.Profiles;

namespace Pipeline.Actors.Live;

/// <summary>
/// The shard regions of live state. Every message to them is a <see cref="ShardingEnvelope"/> whose
/// entity id is the bucket number, poster name, category, cohort key or board id.
/// </summary>
public sealed record LiveRegions(
    IActorRef Assemblers,
    IActorRef Profiles,
    IActorRef Categories,
    IActorRef Cohorts,
    IActorRef ProfileBoards,
    IActorRef CategoryBoards)
{
    public const string AssemblerType = "post-assembler";
    public const string ProfileType = "profile";
    public const string CategoryType = "category";
    public const string CohortType = "cohort";
    public const string ProfileBoardType = "profile-board";
    public const string CategoryBoardType = "category-board";

    /// <summary>Starts the six shard regions on this node (the actor system must be a cluster
    /// member). Entities stop through <see cref="StopEntity"/> so they save before passivating; one
    /// <see cref="IdleSweep"/> passivates the idle ones of all five entity types.</summary>
    /// <param name="role">The cluster role of the nodes that host the entities (this node has it);
    /// null: every node.</param>
    public static LiveRegions Start(ActorSystem system, LiveStateSettings settings, string? role = null)
    {
        var sharding = ClusterSharding.Get(system);
        var shardingSettings = ClusterShardingSettings.Create(system).WithRole(role);
        var extractor = new EntityEnvelopeExtractor(settings.Shards);
        var allocation = sharding.DefaultShardAllocationStrategy(shardingSettings);
        var idle = new IdleSweep(system.Scheduler, settings.PassivateAfter);
        var halfLife = settings.Profiles.PopularityHalfLife;

        IActorRef Region(string type, Func<string, Props> props) =>
            sharding.Start(type, props, shardingSettings, extractor, allocation, StopEntity.Instance);

        var profiles = Region(ProfileType, id => ProfileEntity.Props(id, settings.Profiles, idle));
        var categories = Region(CategoryType, id => CategoryEntity.Props(id, idle));
        var cohorts = Region(CohortType, id => CohortEntity.Props(id, idle));
        var profileBoards = Region(ProfileBoardType, id => ProfileBoardEntity.Props(id, halfLife, idle));
        var categoryBoards = Region(CategoryBoardType, _ => CategoryBoardEntity.Props(idle));
        var delivery = new LiveDelivery(system, profiles, categories, cohorts, profileBoards, categoryBoards, settings.Checkpoints);
        var assemblers = Region(AssemblerType, id => PostAssembler.Props(int.Parse(id, CultureInfo.InvariantCulture), settings.Assembly, delivery));
        return new LiveRegions(assemblers, profiles, categories, cohorts, profileBoards, categoryBoards);
    }

    /// <summary>Proxies of the six shard regions, for a node that hosts no entities but talks to
    /// them (the nodes of <paramref name="role"/> host them).</summary>
    public static LiveRegions StartProxies(ActorSystem system, LiveStateSettings settings, string role)
    {
        var sharding = ClusterSharding.Get(system);
        var extractor = new EntityEnvelopeExtractor(settings.Shards);

        IActorRef Proxy(string type) => sharding.StartProxy(type, role, extractor);

        return new LiveRegions(
            Proxy(AssemblerType),
            Proxy(ProfileType),
            Proxy(CategoryType),
            Proxy(CohortType),
            Proxy(ProfileBoardType),
            Proxy(CategoryBoardType));
    }
}
