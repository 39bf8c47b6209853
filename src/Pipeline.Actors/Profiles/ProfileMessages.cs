namespace Pipeline.Actors.Profiles;

/// <summary>A profile as the leaderboards see it, reported after every change it was sent (even a
/// replay it ignored: the report is absolute, so applying it twice is harmless).</summary>
/// <param name="Version">Grows with every change the profile applied (<see cref="Checkpoints.AppliedChanges.Version"/>):
/// reports of one profile can reach a board through different buckets out of order, and the board
/// keeps the later one.</param>
/// <param name="Boards">Each board to update and whether the profile is on it now.</param>
public sealed record ProfileStanding(string PosterName, long Version, long? FollowerCount, double RankKey, int Posts, IReadOnlyList<BoardMembership> Boards);

public sealed record BoardMembership(string BoardId, bool Member);

/// <summary>Asks a profile entity for its view at arrival time <paramref name="AsOf"/>; answered with
/// <see cref="ProfileView"/> or <see cref="ProfileNotFound"/>.</summary>
public sealed record GetProfile(string PosterName, DateTimeOffset AsOf);

/// <param name="FollowerCount">The follower count of the profile's latest post (by arrival) that had one.</param>
/// <param name="Posts">Distinct post indices.</param>
/// <param name="Categories">Posts per category.</param>
public sealed record ProfileView(
    string PosterName,
    long? FollowerCount,
    int Posts,
    int PostsLast1h,
    int PostsLast24h,
    int PostsLast7d,
    double Popularity,
    IReadOnlyDictionary<string, int> Categories);

public sealed record ProfileNotFound(string PosterName);
