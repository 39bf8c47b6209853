using Pipeline.Actors.Assembly;
using Pipeline.Actors.Checkpoints;
using Pipeline.Actors.Leaderboards;
using Pipeline.Actors.Live;

namespace Pipeline.Actors.Profiles;

/// <summary>One post as its profile remembers it.</summary>
public sealed record ProfilePost(long Ind, DateTimeOffset ArrivalTime, long? FollowerCount, string? Category, string? Country);

/// <summary>
/// The state of one profile (poster name): its distinct posts, from which follower count, posts per
/// category, windows and popularity are derived. A change adds or replaces the post of
/// <see cref="PostChange.Current"/> when it names this poster and removes the post of
/// <see cref="PostChange.Previous"/> when that named it, so a revision that moves a post to another
/// poster leaves this one.
/// </summary>
public sealed class ProfileState
{
    private readonly Dictionary<long, ProfilePost> _posts;
    private readonly TimeSpan _halfLife;

    /// <summary>The changes applied, per assembler bucket.</summary>
    public AppliedChanges Applied { get; }

    public ProfileState(string posterName, TimeSpan halfLife)
        : this(posterName, halfLife, [], new AppliedChanges())
    {
    }

    private ProfileState(string posterName, TimeSpan halfLife, Dictionary<long, ProfilePost> posts, AppliedChanges applied)
    {
        PosterName = posterName;
        _halfLife = halfLife;
        _posts = posts;
        Applied = applied;
    }

    public string PosterName { get; }

    public int Posts => _posts.Count;

    /// <summary>The follower count of the latest post (by arrival, then index) that had one.</summary>
    public long? FollowerCount => _posts.Values
        .Where(post => post.FollowerCount is not null)
        .OrderByDescending(post => post.ArrivalTime).ThenByDescending(post => post.Ind)
        .Select(post => post.FollowerCount)
        .FirstOrDefault();

    public double RankKey => Popularity.RankKey(FollowerCount, _posts.Values.Select(post => post.ArrivalTime), _halfLife);

    /// <summary>Applies <paramref name="change"/> unless it was applied before; true when applied.</summary>
    public bool Apply(PostChange change)
    {
        if (!Applied.TryApply(change))
            return false;
        if (change.Previous?.PosterName == PosterName)
            _posts.Remove(change.Previous.Ind);
        var current = change.Current;
        if (current.PosterName == PosterName)
            _posts[current.Ind] = new ProfilePost(current.Ind, current.ArrivalTime, current.FollowerCount, Intern(current.Category), Intern(current.Country));
        return true;
    }

    /// <summary>The standing after <paramref name="changes"/>: every board the profile is on, and the
    /// boards those changes may have taken it off.</summary>
    public ProfileStanding Standing(IEnumerable<PostChange> changes)
    {
        var member = new HashSet<string>(StringComparer.Ordinal);
        if (_posts.Count > 0)
            member.Add(BoardIds.Profiles);
        foreach (var post in _posts.Values)
            member.UnionWith(ProfileBoards.Of(post.Category, post.Country));

        var touched = new HashSet<string>(StringComparer.Ordinal) { BoardIds.Profiles };
        foreach (var change in changes)
            foreach (var post in new[] { change.Previous, change.Current })
                if (post?.PosterName == PosterName)
                    touched.UnionWith(ProfileBoards.Of(post.Category, post.Country));

        var boards = member.Select(board => new BoardMembership(board, true))
            .Concat(touched.Except(member).Select(board => new BoardMembership(board, false)))
            .OrderBy(board => board.BoardId, StringComparer.Ordinal)
            .ToList();
        return new ProfileStanding(PosterName, Applied.Version, FollowerCount, RankKey, _posts.Count, boards);
    }

    public ProfileView View(DateTimeOffset asOf)
    {
        var latest = _posts.Values.Max(post => post.ArrivalTime);
        var at = asOf > latest ? asOf : latest;
        int InWindow(ArrivalWindow window) => _posts.Values.Count(post => window.Contains(post.ArrivalTime, at));
        var categories = _posts.Values
            .Where(post => post.Category is not null)
            .GroupBy(post => post.Category!, StringComparer.Ordinal)
            .OrderBy(group => group.Key, StringComparer.Ordinal)
            .ToDictionary(group => group.Key, group => group.Count(), StringComparer.Ordinal);
        return new ProfileView(
            PosterName,
            FollowerCount,
            _posts.Count,
            InWindow(ArrivalWindow.LastHour),
            InWindow(ArrivalWindow.LastDay),
            InWindow(ArrivalWindow.LastWeek),
            Popularity.ScoreAt(RankKey, at, _halfLife),
            categories);
    }

    public ProfileSnapshot ToSnapshot() => new(PosterName, _posts.Values.OrderBy(post => post.Ind).ToList(), Applied.ToSnapshot());

    public static ProfileState FromSnapshot(ProfileSnapshot snapshot, TimeSpan halfLife) => new(
        snapshot.PosterName,
        halfLife,
        snapshot.Posts.ToDictionary(post => post.Ind, post => post with { Category = Intern(post.Category), Country = Intern(post.Country) }),
        new AppliedChanges(snapshot.AppliedChanges));

    // Categories and countries are a small vocabulary repeated across millions of posts.
    private static string? Intern(string? value) => value is null ? null : string.Intern(value);
}

public sealed record ProfileSnapshot(string PosterName, IReadOnlyList<ProfilePost> Posts, IReadOnlyDictionary<int, long> AppliedChanges);
