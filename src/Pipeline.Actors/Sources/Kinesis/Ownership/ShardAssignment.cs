namespace Pipeline.Actors.Sources.Kinesis.Ownership;

/// <summary>
/// Who should read which shard: every shard exactly one host, the counts per host differing by at
/// most one, and as few moves as that allows. Pure and deterministic (ties go to the host earlier in
/// the given order, shards are taken in ordinal order), so every coordinator computes the same answer.
/// </summary>
public static class ShardAssignment
{
    /// <param name="hosts">The hosts that may read, in a stable order.</param>
    /// <param name="shards">The shards to be read now.</param>
    /// <param name="current">The owners so far; an owner that left, or a shard no longer listed, is dropped.</param>
    public static IReadOnlyDictionary<ShardKey, THost> Balance<THost>(
        IReadOnlyList<THost> hosts, IEnumerable<ShardKey> shards, IReadOnlyDictionary<ShardKey, THost> current)
        where THost : notnull
    {
        var owned = hosts.ToDictionary(host => host, _ => new SortedSet<ShardKey>());
        if (hosts.Count == 0)
        {
            return new Dictionary<ShardKey, THost>();
        }

        var unowned = new List<ShardKey>();
        foreach (var shard in shards.Distinct().Order())
        {
            if (current.TryGetValue(shard, out var owner) && owned.TryGetValue(owner, out var set))
            {
                set.Add(shard);
            }
            else
            {
                unowned.Add(shard);
            }
        }

        foreach (var shard in unowned)
        {
            owned[Least(hosts, owned)].Add(shard);
        }

        while (true)
        {
            var most = Most(hosts, owned);
            var least = Least(hosts, owned);
            if (owned[most].Count - owned[least].Count <= 1)
            {
                break;
            }

            var moving = owned[most].Max!;
            owned[most].Remove(moving);
            owned[least].Add(moving);
        }

        return owned.SelectMany(pair => pair.Value.Select(shard => (shard, pair.Key)))
            .ToDictionary(pair => pair.shard, pair => pair.Key);
    }

    private static THost Least<THost>(IReadOnlyList<THost> hosts, Dictionary<THost, SortedSet<ShardKey>> owned)
        where THost : notnull =>
        hosts.MinBy(host => owned[host].Count)!;

    /// <summary>The most loaded host; the last of equals, so a move goes from later hosts to earlier ones.</summary>
    private static THost Most<THost>(IReadOnlyList<THost> hosts, Dictionary<THost, SortedSet<ShardKey>> owned)
        where THost : notnull =>
        hosts.Reverse().MaxBy(host => owned[host].Count)!;
}
