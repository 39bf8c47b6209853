using Akka.Actor;
using Akka.Cluster.Tools.Singleton;
using Pipeline.Actors.Sources.Kinesis.Client;

namespace Pipeline.Actors.Sources.Kinesis.Ownership;

/// <summary>The <see cref="KinesisShardCoordinator"/> of a cluster: one for all nodes, and a proxy on each.</summary>
public static class KinesisCoordinatorSingleton
{
    /// <summary>
    /// Runs the coordinator as a cluster singleton (on the oldest node of <paramref name="role"/>, or
    /// of the cluster) and returns a proxy to it, which reader hosts report to.
    /// </summary>
    public static IActorRef Start(ActorSystem system, KinesisClient client, KinesisSettings settings, string? role = null)
    {
        var settle = settings.OwnerReportInterval * 2;
        var manager = ClusterSingletonManagerSettings.Create(system).WithSingletonName("coordinator");
        var proxy = ClusterSingletonProxySettings.Create(system).WithSingletonName("coordinator");
        if (role is not null)
        {
            manager = manager.WithRole(role);
            proxy = proxy.WithRole(role);
        }

        system.ActorOf(ClusterSingletonManager.Props(KinesisShardCoordinator.Props(client, settings, null, settle), PoisonPill.Instance, manager), "kinesis-shards");
        return system.ActorOf(ClusterSingletonProxy.Props("/user/kinesis-shards", proxy), "kinesis-shards-proxy");
    }
}
