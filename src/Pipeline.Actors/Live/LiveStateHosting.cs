using System.Globalization;
using Akka.Actor;
using Akka.Cluster.Hosting;
using Akka.Cluster.Sharding;
using Akka.Hosting;
using Pipeline.Actors.Assembly;
using Pipeline.Actors.Categories;
using Pipeline.Actors.Checkpoints;
using Pipeline.Actors.Cohorts;
using Pipeline.Actors.Leaderboards;
using Pipeline.Actors.Profiles;

namespace Pipeline.Actors.Live;

/// <summary>
/// Akka.Hosting wiring of the six shard regions (the same ones <see cref="LiveRegions.Start"/>
/// starts): ddata state store, remember-entities off, <see cref="StopEntity"/> as the stop message.
/// Resolve them afterwards with <see cref="RegionsFrom"/>.
/// </summary>
public static class LiveStateHosting
{
    public static AkkaConfigurationBuilder WithLiveState(this AkkaConfigurationBuilder builder, LiveStateSettings settings)
    {
        var extractor = new EntityEnvelopeExtractor(settings.Shards);
        var options = new ShardOptions
        {
            StateStoreMode = StateStoreMode.DData,
            RememberEntities = false,
            HandOffStopMessage = StopEntity.Instance,
        };
        var halfLife = settings.Profiles.PopularityHalfLife;

        // Each entity region gets one idle sweep, made when the region starts (the actor system exists by then).
        Func<ActorSystem, IActorRegistry, Func<string, Props>> Entities(Func<string, IdleSweep, Props> props) => (system, _) =>
        {
            var idle = new IdleSweep(system.Scheduler, settings.PassivateAfter);
            return id => props(id, idle);
        };

        return builder
            .WithShardRegion<ProfileRegion>(LiveRegions.ProfileType, Entities((id, idle) => ProfileEntity.Props(id, settings.Profiles, idle)), extractor, options)
            .WithShardRegion<CategoryRegion>(LiveRegions.CategoryType, Entities(CategoryEntity.Props), extractor, options)
            .WithShardRegion<CohortRegion>(LiveRegions.CohortType, Entities(CohortEntity.Props), extractor, options)
            .WithShardRegion<ProfileBoardRegion>(LiveRegions.ProfileBoardType, Entities((id, idle) => ProfileBoardEntity.Props(id, halfLife, idle)), extractor, options)
            .WithShardRegion<CategoryBoardRegion>(LiveRegions.CategoryBoardType, Entities((_, idle) => CategoryBoardEntity.Props(idle)), extractor, options)
            .WithShardRegion<AssemblerRegion>(
                LiveRegions.AssemblerType,
                (system, registry) => id => PostAssembler.Props(int.Parse(id, CultureInfo.InvariantCulture), settings.Assembly, DeliveryOver(system, registry, settings)),
                extractor,
                options);
    }

    // Resolved when a bucket starts, by which time every region is registered.
    private static LiveDelivery DeliveryOver(ActorSystem system, IActorRegistry registry, LiveStateSettings settings) => new(
        system,
        registry.Get<ProfileRegion>(),
        registry.Get<CategoryRegion>(),
        registry.Get<CohortRegion>(),
        registry.Get<ProfileBoardRegion>(),
        registry.Get<CategoryBoardRegion>(),
        settings.Checkpoints);

    public static LiveRegions RegionsFrom(ActorRegistry registry) => new(
        registry.Get<AssemblerRegion>(),
        registry.Get<ProfileRegion>(),
        registry.Get<CategoryRegion>(),
        registry.Get<CohortRegion>(),
        registry.Get<ProfileBoardRegion>(),
        registry.Get<CategoryBoardRegion>());

    /// <summary>Registry keys of the regions.</summary>
    public sealed class AssemblerRegion;

    public sealed class ProfileRegion;

    public sealed class CategoryRegion;

    public sealed class CohortRegion;

    public sealed class ProfileBoardRegion;

    public sealed class CategoryBoardRegion;
}
