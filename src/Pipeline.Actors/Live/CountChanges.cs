namespace Pipeline.Actors.Live;

/// <summary>Applies a post's contribution (+1) or its withdrawal when the post is revised (-1) to a
/// table of counts; a count that reaches zero is removed, so state and snapshots hold only live keys.</summary>
public static class CountChanges
{
    public static void Apply<TKey>(IDictionary<TKey, long> counts, TKey key, int sign)
        where TKey : notnull
    {
        var count = counts.TryGetValue(key, out var existing) ? existing + sign : sign;
        if (count == 0)
            counts.Remove(key);
        else
            counts[key] = count;
    }
}
