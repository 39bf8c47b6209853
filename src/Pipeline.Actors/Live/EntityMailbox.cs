using Akka.Actor;
using Akka.Configuration;
using Akka.Dispatch;
using Akka.Dispatch.MessageQueues;

namespace Pipeline.Actors.Live;

/// <summary>The mailbox of the profile, category, cohort and board entities (a small
/// <see cref="EntityMessageQueue"/> each), configured at <see cref="Id"/> in hocon/live.conf and
/// given to their props by <see cref="EntityProps{TEntity}"/>.</summary>
public sealed class EntityMailbox(Settings settings, Config config) : MailboxType(settings, config), IProducesMessageQueue<EntityMessageQueue>
{
    /// <summary>The configuration path of the mailbox (Akka looks the mailbox type up there).</summary>
    public const string Id = "pipeline.live.entity-mailbox";

    // Shared by every entity's props: a deploy made per entity would cost each about 100 bytes.
    private static readonly Deploy OnThisMailbox = Deploy.None.WithMailbox(Id);

    /// <summary>Props of an entity on this mailbox, constructed with <paramref name="args"/>.
    /// Made once per entity start, so without the expression tree (built and parsed at each call)
    /// that <c>Props.Create(() => new ...)</c> costs.</summary>
    public static Props EntityProps<TEntity>(params object[] args)
        where TEntity : ActorBase => new(OnThisMailbox, typeof(TEntity), args);

    public override IMessageQueue Create(IActorRef owner, ActorSystem system) => new EntityMessageQueue();
}
