using Akka.Actor;
using Akka.Configuration;
using Akka.Dispatch;
using Akka.Dispatch.MessageQueues;

namespace Pipeline.Actors.Live;

/// <summary>The mailbox of the profile, category, cohort and board entities (a small
/// <see cref="EntityMessageQueue"/> each), configured at <see cref="Id"/> in hocon/live.conf and
/// given to their props with <see cref="For"/>.</summary>
public sealed class EntityMailbox(Settings settings, Config config) : MailboxType(settings, config), IProducesMessageQueue<EntityMessageQueue>
{
    /// <summary>The configuration path of the mailbox (Akka looks the mailbox type up there).</summary>
    public const string Id = "pipeline.live.entity-mailbox";

    public static Props For(Props props) => props.WithMailbox(Id);

    public override IMessageQueue Create(IActorRef owner, ActorSystem system) => new EntityMessageQueue();
}
