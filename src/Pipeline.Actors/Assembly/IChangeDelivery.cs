namespace Pipeline.Actors.Assembly;

/// <summary>An entity that receives changes or reports: its shard region's type name and its id.</summary>
public readonly record struct ChangeRecipient(string Region, string Entity);

/// <summary>
/// How a bucket's changes reach live state (implemented over the shard regions in <c>Live/</c>):
/// the consumer entities each change concerns, delivery to them and to the leaderboards their
/// reports update, and the confirmation that makes it all durable.
/// </summary>
public interface IChangeDelivery
{
    /// <summary>The consumer entities <paramref name="changes"/> concern, each with its changes in order.</summary>
    IReadOnlyDictionary<ChangeRecipient, List<PostChange>> Route(IReadOnlyList<PostChange> changes);

    /// <summary>Delivers to each consumer, then passes their reports to the leaderboards; answers the
    /// boards updated. Fails when a consumer does not answer in time or lacks earlier changes.</summary>
    Task<IReadOnlyList<ChangeRecipient>> DeliverAsync(IReadOnlyList<KeyValuePair<ChangeRecipient, ApplyPostChanges>> deliveries);

    /// <summary>Has every consumer persist once it is known to hold the changes of
    /// <paramref name="bucket"/> through the given sequence, then every board persist. Fails when one
    /// lacks changes or does not answer in time.</summary>
    Task ConfirmAsync(int bucket, IReadOnlyDictionary<ChangeRecipient, long> through, IReadOnlyCollection<ChangeRecipient> boards);
}
