using Akka.Actor;
using Akka.Cluster;
using Akka.Cluster.Hosting;
using Akka.Hosting;
using Akka.Persistence;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Pipeline.Host.Engine;

namespace Pipeline.Host.Health;

/// <summary>
/// <c>GET /healthz/live</c> (the actor system runs) and <c>GET /healthz/ready</c> (this node joined
/// the cluster and is Up, its engine started and is not draining, and, on a state node, the journal
/// answers): 200 when every check of the endpoint is healthy, 503 otherwise. The checks are
/// Akka.Hosting's (<c>WithActorSystemLivenessCheck</c>, <c>WithAkkaClusterReadinessCheck</c>) and the
/// engine's own, registered on the actor system's builder.
/// </summary>
public static class HealthEndpoints
{
    public const string Liveness = "liveness";
    public const string Readiness = "readiness";

    private static readonly TimeSpan JournalTimeout = TimeSpan.FromSeconds(3);

    /// <param name="journalPlugin">The journal's plugin id on a node that hosts persistent entities; null elsewhere.</param>
    public static AkkaConfigurationBuilder WithEngineHealthChecks(this AkkaConfigurationBuilder akka, EngineLifecycle lifecycle, string? journalPlugin)
    {
        akka.WithActorSystemLivenessCheck(tags: [Liveness])
            .WithAkkaClusterReadinessCheck(tags: [Readiness])
            .WithHealthCheck("engine", (system, _, _) =>
            {
                var member = Cluster.Get(system).SelfMember.Status;
                return Task.FromResult((lifecycle.Phase, member) switch
                {
                    (EnginePhase.Running, MemberStatus.Up) => HealthCheckResult.Healthy("running"),
                    (EnginePhase.Running, _) => HealthCheckResult.Unhealthy($"cluster member status {member}"),
                    (var phase, _) => HealthCheckResult.Unhealthy(phase.ToString().ToLowerInvariant()),
                });
            }, HealthStatus.Unhealthy, [Readiness]);
        if (journalPlugin is not null)
            akka.WithHealthCheck("journal", (system, _, cancellation) => JournalAnswersAsync(system, journalPlugin, cancellation), HealthStatus.Unhealthy, [Readiness], JournalTimeout);

        return akka;
    }

    /// <summary>The journal plugin's own health check, then a read through the journal (the highest
    /// sequence number of an id no entity uses): Akka.Persistence.Sql does not check its database
    /// itself, and the read is one indexed query.</summary>
    private static async Task<HealthCheckResult> JournalAnswersAsync(ActorSystem system, string plugin, CancellationToken cancellation)
    {
        var persistence = Persistence.Instance.Apply(system);
        var health = await persistence.CheckJournalHealthAsync(plugin, cancellation);
        if (health.Status != PersistenceHealthStatus.Healthy)
            return HealthCheckResult.Unhealthy(health.Description, health.Exception);
        var answer = await persistence.JournalFor(plugin).Ask<object>(
            replyTo => new ReplayMessages(0, 0, 0, "healthz", replyTo), JournalTimeout, cancellation);
        return answer switch
        {
            RecoverySuccess => HealthCheckResult.Healthy("the journal answers"),
            ReplayMessagesFailure failure => HealthCheckResult.Unhealthy($"the journal fails: {failure.Cause.Message}", failure.Cause),
            _ => HealthCheckResult.Unhealthy($"the journal answered {answer.GetType().Name}"),
        };
    }

    public static void MapHealth(this IEndpointRouteBuilder app)
    {
        app.MapHealthChecks("/healthz/live", new HealthCheckOptions { Predicate = check => check.Tags.Contains(Liveness) });
        app.MapHealthChecks("/healthz/ready", new HealthCheckOptions { Predicate = check => check.Tags.Contains(Readiness) });
    }
}
