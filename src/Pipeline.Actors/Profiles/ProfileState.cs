using System.Collections.Concurrent;
using System.Runtime.InteropServices;
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
/// <para>A profile reports its standing after every delivery, so what the standing needs is kept as
/// the posts change rather than derived from all posts: the posts per board (exact counts), the post
/// that carries the follower count, and the rank key (recomputed once after the posts changed).</para>
/// </summary>
public sealed class ProfileState
{
    // Sorted by index: the rank key sums over the posts in this order, so the same posts give the
    // same bits whatever order their changes arrived in (and before and after a snapshot).
    private readonly List<ProfilePost> _posts;
    private readonly TimeSpan _halfLife;

    // Posts per category and per country board; a board with no post has no entry. A profile is on
    // few boards, so a list searched in place is smaller than a dictionary and as quick.
    private readonly List<(string Board, int Posts)> _boardPosts = [];

    // The latest post (by arrival, then index) with a follower count; found again by a scan only
    // after that post was removed or replaced.
    private ProfilePost? _followersPost;
    private bool _followersPostKnown;

    private double? _rankKey;

    /// <summary>The changes applied, per assembler bucket.</summary>
    public AppliedChanges Applied { get; }

    public ProfileState(string posterName, TimeSpan halfLife)
        : this(posterName, halfLife, [], new AppliedChanges())
    {
    }

    private ProfileState(string posterName, TimeSpan halfLife, List<ProfilePost> posts, AppliedChanges applied)
    {
        PosterName = posterName;
        _halfLife = halfLife;
        _posts = posts;
        Applied = applied;
        foreach (var post in _posts)
            CountBoards(post, +1);
    }

    public string PosterName { get; }

    public int Posts => _posts.Count;

    /// <summary>The follower count of the latest post (by arrival, then index) that had one.</summary>
    public long? FollowerCount
    {
        get
        {
            if (!_followersPostKnown)
            {
                _followersPost = null;
                foreach (var post in _posts)
                    if (post.FollowerCount is not null && (_followersPost is null || IsLater(post, _followersPost)))
                        _followersPost = post;
                _followersPostKnown = true;
            }
            return _followersPost?.FollowerCount;
        }
    }

    public double RankKey => _rankKey ??= Popularity.RankKey(FollowerCount, CollectionsMarshal.AsSpan(_posts), static post => post.ArrivalTime, _halfLife);

    /// <summary>Applies <paramref name="change"/> unless it was applied before; true when applied.</summary>
    public bool Apply(PostChange change)
    {
        if (!Applied.TryApply(change))
            return false;
        if (change.Previous?.PosterName == PosterName)
            Remove(change.Previous.Ind);
        var current = change.Current;
        if (current.PosterName == PosterName)
            Put(new ProfilePost(current.Ind, current.ArrivalTime, current.FollowerCount, Intern(current.Category), Intern(current.Country)));
        return true;
    }

    /// <summary>The standing after <paramref name="changes"/>: every board the profile is on, and the
    /// boards those changes may have taken it off.</summary>
    public ProfileStanding Standing(IEnumerable<PostChange> changes)
    {
        var boards = new List<BoardMembership>(_boardPosts.Count + 2);
        if (_posts.Count > 0)
            boards.Add(new BoardMembership(BoardIds.Profiles, true));
        foreach (var (board, _) in _boardPosts)
            boards.Add(new BoardMembership(board, true));
        var memberships = boards.Count;
        foreach (var change in changes)
        {
            AddLeft(boards, memberships, change.Previous);
            AddLeft(boards, memberships, change.Current);
        }
        if (_posts.Count == 0)
            AddLeft(boards, memberships, BoardIds.Profiles);
        boards.Sort(static (left, right) => string.CompareOrdinal(left.BoardId, right.BoardId));
        return new ProfileStanding(PosterName, Applied.Version, FollowerCount, RankKey, _posts.Count, boards);
    }

    public ProfileView View(DateTimeOffset asOf)
    {
        var latest = DateTimeOffset.MinValue;
        foreach (var post in _posts)
            if (post.ArrivalTime > latest)
                latest = post.ArrivalTime;
        var at = asOf > latest ? asOf : latest;
        int lastHour = 0, lastDay = 0, lastWeek = 0;
        var categories = new SortedDictionary<string, int>(StringComparer.Ordinal);
        foreach (var post in _posts)
        {
            lastHour += ArrivalWindow.LastHour.Contains(post.ArrivalTime, at) ? 1 : 0;
            lastDay += ArrivalWindow.LastDay.Contains(post.ArrivalTime, at) ? 1 : 0;
            lastWeek += ArrivalWindow.LastWeek.Contains(post.ArrivalTime, at) ? 1 : 0;
            if (post.Category is { } category)
                categories[category] = categories.GetValueOrDefault(category) + 1;
        }
        return new ProfileView(
            PosterName,
            FollowerCount,
            _posts.Count,
            lastHour,
            lastDay,
            lastWeek,
            Popularity.ScoreAt(RankKey, at, _halfLife),
            new Dictionary<string, int>(categories, StringComparer.Ordinal));
    }

    public ProfileSnapshot ToSnapshot() => new(PosterName, [.. _posts], Applied.ToSnapshot());

    public static ProfileState FromSnapshot(ProfileSnapshot snapshot, TimeSpan halfLife)
    {
        var posts = snapshot.Posts.Select(post => post with { Category = Intern(post.Category), Country = Intern(post.Country) }).ToList();
        posts.Sort(static (left, right) => left.Ind.CompareTo(right.Ind));
        return new ProfileState(snapshot.PosterName, halfLife, posts, new AppliedChanges(snapshot.AppliedChanges));
    }

    private void Put(ProfilePost post)
    {
        var at = IndexOf(post.Ind);
        if (at >= 0)
        {
            Forget(_posts[at]);
            _posts[at] = post;
        }
        else
            _posts.Insert(~at, post);
        CountBoards(post, +1);
        if (_followersPostKnown && post.FollowerCount is not null && (_followersPost is null || IsLater(post, _followersPost)))
            _followersPost = post;
        _rankKey = null;
    }

    private void Remove(long ind)
    {
        var at = IndexOf(ind);
        if (at < 0)
            return;
        Forget(_posts[at]);
        _posts.RemoveAt(at);
        _rankKey = null;
    }

    /// <summary>Takes back what <paramref name="post"/> contributed, before it is removed or replaced.</summary>
    private void Forget(ProfilePost post)
    {
        CountBoards(post, -1);
        if (ReferenceEquals(post, _followersPost))
            _followersPostKnown = false;
    }

    private int IndexOf(long ind)
    {
        // Posts mostly arrive with rising indices, so the last is checked before searching.
        var count = _posts.Count;
        if (count == 0 || _posts[count - 1].Ind < ind)
            return ~count;
        int low = 0, high = count - 1;
        while (low <= high)
        {
            var middle = low + (high - low) / 2;
            var found = _posts[middle].Ind;
            if (found == ind)
                return middle;
            if (found < ind)
                low = middle + 1;
            else
                high = middle - 1;
        }
        return ~low;
    }

    private void CountBoards(ProfilePost post, int sign)
    {
        if (post.Category is { } category)
            CountBoard(CategoryBoard(category), sign);
        if (post.Country is { } country)
            CountBoard(CountryBoard(country), sign);
    }

    private void CountBoard(string board, int sign)
    {
        var at = BoardIndex(board);
        if (at < 0)
        {
            _boardPosts.Add((board, sign));
            return;
        }
        ref var count = ref CollectionsMarshal.AsSpan(_boardPosts)[at].Posts;
        count += sign;
        if (count == 0)
            _boardPosts.RemoveAt(at);
    }

    private int BoardIndex(string board)
    {
        for (var i = 0; i < _boardPosts.Count; i++)
            if (_boardPosts[i].Board == board)
                return i;
        return -1;
    }

    /// <summary>Adds the boards of <paramref name="post"/> (when it is this poster's) that the profile
    /// is no longer on, once each.</summary>
    private void AddLeft(List<BoardMembership> boards, int memberships, AssembledPost? post)
    {
        if (post?.PosterName != PosterName)
            return;
        if (post.Category is { } category)
            AddLeft(boards, memberships, CategoryBoard(category));
        if (post.Country is { } country)
            AddLeft(boards, memberships, CountryBoard(country));
    }

    private void AddLeft(List<BoardMembership> boards, int memberships, string board)
    {
        if (board == BoardIds.Profiles ? _posts.Count > 0 : BoardIndex(board) >= 0)
            return;
        for (var i = memberships; i < boards.Count; i++)
            if (boards[i].BoardId == board)
                return;
        boards.Add(new BoardMembership(board, false));
    }

    private static bool IsLater(ProfilePost post, ProfilePost than) =>
        post.ArrivalTime != than.ArrivalTime ? post.ArrivalTime > than.ArrivalTime : post.Ind > than.Ind;

    // Categories and countries are a small vocabulary repeated across millions of posts: each post
    // (and each profile, its board ids) holds the one shared copy. A dictionary of its own, as string.Intern (the runtime's global
    // table) cost most of applying a change.
    private static readonly ConcurrentDictionary<string, string> Vocabulary = new(StringComparer.Ordinal);

    private static readonly ConcurrentDictionary<string, string> CategoryBoards = new(StringComparer.Ordinal);
    private static readonly ConcurrentDictionary<string, string> CountryBoards = new(StringComparer.Ordinal);

    private static string? Intern(string? value) => value is null ? null : Vocabulary.GetOrAdd(value, value);

    private static string CategoryBoard(string category) => CategoryBoards.GetOrAdd(category, BoardIds.ProfilesInCategory);

    private static string CountryBoard(string country) => CountryBoards.GetOrAdd(country, BoardIds.ProfilesInCountry);
}

public sealed record ProfileSnapshot(string PosterName, IReadOnlyList<ProfilePost> Posts, IReadOnlyDictionary<int, long> AppliedChanges);
