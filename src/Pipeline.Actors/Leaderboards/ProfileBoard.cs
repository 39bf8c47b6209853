using Pipeline.Actors.Profiles;

namespace Pipeline.Actors.Leaderboards;

/// <summary>One profile on a board.</summary>
public sealed record BoardEntry(string PosterName, double RankKey, long? FollowerCount, int Posts)
{
    /// <summary>Highest rank key first; ties to the smaller name in ordinal order.</summary>
    public static readonly IComparer<BoardEntry> HighestFirst = Comparer<BoardEntry>.Create((left, right) =>
    {
        var byRank = right.RankKey.CompareTo(left.RankKey);
        return byRank != 0 ? byRank : string.CompareOrdinal(left.PosterName, right.PosterName);
    });
}

/// <summary>
/// A ranking of profiles by popularity (overall, or of one category or country), kept current from
/// the standings profiles report; never built by scanning profiles. It holds every member so any
/// top-K stays exact when a member drops. It remembers the version of the last standing taken from
/// every profile (members and leavers), so an older standing that arrives late changes nothing.
/// </summary>
public sealed class ProfileBoard
{
    private readonly Dictionary<string, BoardEntry> _entries = new(StringComparer.Ordinal);
    private readonly SortedSet<BoardEntry> _ranked = new(BoardEntry.HighestFirst);
    private readonly Dictionary<string, long> _versions = new(StringComparer.Ordinal);

    public ProfileBoard(string boardId) => BoardId = boardId;

    public string BoardId { get; }

    public int Count => _entries.Count;

    /// <summary>Puts the profile at its reported rank, or takes it off when it is no longer a member.</summary>
    public void Update(ProfileStanding standing)
    {
        var membership = MembershipOf(standing);
        if (membership is null || _versions.GetValueOrDefault(standing.PosterName, long.MinValue) > standing.Version)
            return;
        _versions[standing.PosterName] = standing.Version;
        if (_entries.Remove(standing.PosterName, out var existing))
            _ranked.Remove(existing);
        if (!membership.Member)
            return;
        var entry = new BoardEntry(standing.PosterName, standing.RankKey, standing.FollowerCount, standing.Posts);
        _entries[entry.PosterName] = entry;
        _ranked.Add(entry);
    }

    private BoardMembership? MembershipOf(ProfileStanding standing)
    {
        var boards = standing.Boards;
        for (var i = 0; i < boards.Count; i++)
            if (boards[i].BoardId == BoardId)
                return boards[i];
        return null;
    }

    public IReadOnlyList<BoardEntry> Top(int top) => _ranked.Take(top).ToList();

    public ProfileBoardSnapshot ToSnapshot() => new(BoardId, _ranked.ToList(), new Dictionary<string, long>(_versions, StringComparer.Ordinal));

    public static ProfileBoard FromSnapshot(ProfileBoardSnapshot snapshot)
    {
        var board = new ProfileBoard(snapshot.BoardId);
        foreach (var entry in snapshot.Entries)
        {
            board._entries[entry.PosterName] = entry;
            board._ranked.Add(entry);
        }
        foreach (var (posterName, version) in snapshot.Versions ?? new Dictionary<string, long>())
            board._versions[posterName] = version;
        return board;
    }
}

/// <param name="Versions">The version of the last standing taken per profile (absent in snapshots
/// written before versions existed).</param>
public sealed record ProfileBoardSnapshot(string BoardId, IReadOnlyList<BoardEntry> Entries, IReadOnlyDictionary<string, long>? Versions);
