namespace Pipeline.Actors.Profiles;

/// <summary>
/// The popularity of a profile at time T: its latest follower count times its decayed post count,
/// where a post that arrived at time a counts 2^-((T - a) / half-life) (1 when it arrives, 1/2 one
/// half-life later). Arrival time, never the wall clock, so a replay scores the same.
/// <para>Every score decays by the same factor as T moves, so the order of profiles never depends on
/// T: boards rank by <see cref="RankKey"/>, log2 of the score at the Unix epoch, computed with
/// log-sum-exp so it never overflows.</para>
/// </summary>
public static class Popularity
{
    /// <summary>log2(followers * sum of 2^(a / half-life)), a in seconds since the epoch; -infinity
    /// for no followers or no posts.</summary>
    /// <remarks>Floating-point addition is not associative: the terms are added in the order of
    /// <paramref name="posts"/>, so a caller that wants the same bits for the same posts, whatever
    /// order they arrived in, passes them in an order of its own (a profile: by post index).</remarks>
    public static double RankKey<TPost>(long? followers, ReadOnlySpan<TPost> posts, Func<TPost, DateTimeOffset> arrivalOf, TimeSpan halfLife)
    {
        if (followers is not > 0 || posts.IsEmpty)
            return double.NegativeInfinity;
        var largest = double.NegativeInfinity;
        foreach (var post in posts)
            largest = Math.Max(largest, HalfLives(arrivalOf(post), halfLife));
        var sum = 0.0;
        foreach (var post in posts)
            sum += Math.Pow(2, HalfLives(arrivalOf(post), halfLife) - largest);
        return Math.Log2(followers.Value) + largest + Math.Log2(sum);
    }

    /// <summary>The score at <paramref name="asOf"/> of a profile ranked <paramref name="rankKey"/>.</summary>
    public static double ScoreAt(double rankKey, DateTimeOffset asOf, TimeSpan halfLife) =>
        double.IsNegativeInfinity(rankKey) ? 0 : Math.Pow(2, rankKey - HalfLives(asOf, halfLife));

    private static double HalfLives(DateTimeOffset time, TimeSpan halfLife) =>
        (time - DateTimeOffset.UnixEpoch).TotalSeconds / halfLife.TotalSeconds;
}
