using System.Collections.Immutable;
using Akka.Actor;
using Akka.Persistence;
using Akka.Persistence.Journal;

namespace Pipeline.Actors.Checkpoints;

/// <summary>
/// The journal of <see cref="CheckpointedEntity{TSnapshot}"/>s, which keep snapshots only and never
/// persist an event: it holds nothing, so an entity's recovery reads just its snapshot instead of
/// also asking the database for the highest sequence number of events that never exist (that query
/// was about a third of the database time of starting entities in the live bench). An event sent
/// here is a bug and fails the entity.
/// </summary>
public sealed class SnapshotOnlyJournal : AsyncWriteJournal
{
    /// <summary>The plugin id (configured in <c>hocon/live.conf</c>).</summary>
    public const string PluginId = "akka.persistence.journal.snapshot-only";

    protected override Task<IImmutableList<Exception?>> WriteMessagesAsync(IEnumerable<AtomicWrite> messages, CancellationToken cancellationToken) =>
        throw new NotSupportedException($"entities of {nameof(SnapshotOnlyJournal)} keep snapshots only; {messages.First().PersistenceId} persisted an event");

    protected override Task DeleteMessagesToAsync(string persistenceId, long toSequenceNr, CancellationToken cancellationToken) => Task.CompletedTask;

    public override Task ReplayMessagesAsync(IActorContext context, string persistenceId, long fromSequenceNr, long toSequenceNr, long max, Action<IPersistentRepresentation> recoveryCallback) =>
        Task.CompletedTask;

    public override Task<long> ReadHighestSequenceNrAsync(string persistenceId, long fromSequenceNr, CancellationToken cancellationToken) => Task.FromResult(0L);
}
