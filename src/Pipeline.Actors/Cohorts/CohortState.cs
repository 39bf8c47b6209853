using Pipeline.Actors.Live;
using System.Globalization;
using Pipeline.Actors.Assembly;
using Pipeline.Actors.Checkpoints;

namespace Pipeline.Actors.Cohorts;

/// <summary>
/// The counts of one cohort (see <see cref="CohortKeys"/>): posts per category, follower counts per
/// value (exact medians), posts per (poster, follower count) (the top poster, exact under
/// revisions), posts per distinct user, posts per country (the directory). Each kind fills the parts
/// its metrics need. A change removes what <see cref="PostChange.Previous"/> contributed to this
/// cohort and adds what <see cref="PostChange.Current"/> contributes.
/// </summary>
public sealed class CohortState
{
    private readonly CohortKind _kind;
    private readonly CohortMembership _membership;
    private readonly Dictionary<string, long> _categories;
    private readonly SortedDictionary<long, long> _followers;
    private readonly Dictionary<PosterFollowers, long> _posters;
    private readonly SortedSet<PosterFollowers> _postersRanked = new(PosterFollowers.LargestFirst);
    private readonly Dictionary<string, long> _users;
    private readonly SortedDictionary<string, long> _countries;

    /// <summary>The changes applied, per assembler bucket.</summary>
    public AppliedChanges Applied { get; }

    public CohortState(string key)
        : this(new CohortSnapshot(key, new Dictionary<string, long>(), [], [], new Dictionary<string, long>(), new Dictionary<string, long>(), new Dictionary<int, long>()))
    {
    }

    private CohortState(CohortSnapshot snapshot)
    {
        Key = snapshot.Key;
        _kind = CohortKeys.KindOf(Key);
        _membership = CohortMembership.Of(Key);
        _categories = new Dictionary<string, long>(snapshot.Categories, StringComparer.Ordinal);
        _followers = new SortedDictionary<long, long>(snapshot.Followers.ToDictionary(value => value.FollowerCount, value => value.Posts));
        _posters = snapshot.Posters.ToDictionary(poster => new PosterFollowers(poster.PosterName, poster.FollowerCount), poster => poster.Posts);
        _postersRanked.UnionWith(_posters.Keys);
        _users = new Dictionary<string, long>(snapshot.Users, StringComparer.Ordinal);
        _countries = new SortedDictionary<string, long>(snapshot.Countries.ToDictionary(), StringComparer.Ordinal);
        Applied = new AppliedChanges(snapshot.AppliedChanges);
    }

    public string Key { get; }

    public bool Apply(PostChange change)
    {
        if (!Applied.TryApply(change))
            return false;
        if (change.Previous is { } previous && _membership.Includes(previous))
            Add(previous, -1);
        if (_membership.Includes(change.Current))
            Add(change.Current, +1);
        return true;
    }

    public CohortSummary Summary()
    {
        var topCategory = _categories
            .OrderByDescending(category => category.Value).ThenBy(category => category.Key, StringComparer.Ordinal)
            .Select(category => (KeyValuePair<string, long>?)category)
            .FirstOrDefault();
        var topPoster = _postersRanked.Count > 0 ? _postersRanked.Min : null;
        var followerPosts = _followers.Values.Sum();
        return new CohortSummary(
            Key,
            topCategory?.Key,
            topCategory?.Value ?? 0,
            topPoster?.PosterName,
            topPoster?.FollowerCount,
            followerPosts,
            Median(followerPosts),
            _users.Count,
            _countries.Keys.ToList());
    }

    /// <summary>The ceil(n/2)-th smallest follower count.</summary>
    private long? Median(long posts)
    {
        if (posts == 0)
            return null;
        var rank = (posts + 1) / 2;
        foreach (var (followers, count) in _followers)
        {
            rank -= count;
            if (rank <= 0)
                return followers;
        }
        throw new InvalidOperationException("follower counts do not add up");
    }

    private void Add(AssembledPost post, int sign)
    {
        switch (_kind)
        {
            case CohortKind.Directory:
                CountChanges.Apply(_countries, post.Country!, sign);
                break;
            case CohortKind.Country:
                CountCategory(post, sign);
                if (post.PosterName is { } poster && post.FollowerCount is { } followers)
                    CountPoster(new PosterFollowers(poster, followers), sign);
                break;
            case CohortKind.PostYear:
                CountCategory(post, sign);
                break;
            case CohortKind.AgeGroup:
                CountCategory(post, sign);
                CountFollowers(post, sign);
                break;
            case CohortKind.JoinYear:
                CountFollowers(post, sign);
                CountChanges.Apply(_users, UserKey(post.User!), sign);
                break;
            case CohortKind.AgeGroupAndJoinYear:
                CountFollowers(post, sign);
                break;
        }
    }

    private void CountCategory(AssembledPost post, int sign)
    {
        if (post.Category is { } category)
            CountChanges.Apply(_categories, category, sign);
    }

    private void CountFollowers(AssembledPost post, int sign)
    {
        if (post.FollowerCount is { } followers)
            CountChanges.Apply(_followers, followers, sign);
    }

    private void CountPoster(PosterFollowers poster, int sign)
    {
        CountChanges.Apply(_posters, poster, sign);
        if (_posters.ContainsKey(poster))
            _postersRanked.Add(poster);
        else
            _postersRanked.Remove(poster);
    }

    // A distinct user is the triple (user_name, age, date_joined); a null part is a value of its own.
    private static string UserKey(UserFacts user) => string.Join(
        '\u001f',
        user.UserName ?? "\u0000",
        user.Age?.ToString(CultureInfo.InvariantCulture) ?? "\u0000",
        user.DateJoined?.UtcTicks.ToString(CultureInfo.InvariantCulture) ?? "\u0000");


    public CohortSnapshot ToSnapshot() => new(
        Key,
        new Dictionary<string, long>(_categories),
        _followers.Select(value => new FollowerValue(value.Key, value.Value)).ToList(),
        _posters.Select(poster => new PosterPosts(poster.Key.PosterName, poster.Key.FollowerCount, poster.Value)).ToList(),
        new Dictionary<string, long>(_users),
        new Dictionary<string, long>(_countries),
        Applied.ToSnapshot());

    public static CohortState FromSnapshot(CohortSnapshot snapshot) => new(snapshot);
}

/// <summary>A poster with one of the follower counts its posts carried.</summary>
public sealed record PosterFollowers(string PosterName, long FollowerCount)
{
    /// <summary>Largest follower count first; ties to the smaller name in ordinal order.</summary>
    public static readonly IComparer<PosterFollowers> LargestFirst = Comparer<PosterFollowers>.Create((left, right) =>
    {
        var byFollowers = right.FollowerCount.CompareTo(left.FollowerCount);
        return byFollowers != 0 ? byFollowers : string.CompareOrdinal(left.PosterName, right.PosterName);
    });
}

public sealed record FollowerValue(long FollowerCount, long Posts);

public sealed record PosterPosts(string PosterName, long FollowerCount, long Posts);

public sealed record CohortSnapshot(
    string Key,
    IReadOnlyDictionary<string, long> Categories,
    IReadOnlyList<FollowerValue> Followers,
    IReadOnlyList<PosterPosts> Posters,
    IReadOnlyDictionary<string, long> Users,
    IReadOnlyDictionary<string, long> Countries,
    IReadOnlyDictionary<int, long> AppliedChanges);
