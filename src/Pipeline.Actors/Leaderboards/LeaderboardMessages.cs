using Pipeline.Actors.Categories;
using Pipeline.Actors.Live;
using Pipeline.Actors.Profiles;

namespace Pipeline.Actors.Leaderboards;

/// <summary>Standings of profiles on this board or leaving it; answered with <see cref="BoardUpdated"/>.</summary>
public sealed record UpdateProfileBoard(IReadOnlyList<ProfileStanding> Standings);

/// <summary>Minute counts reported by categories; answered with <see cref="BoardUpdated"/>.</summary>
public sealed record UpdateCategoryBoard(IReadOnlyList<CategoryChanged> Changes);

public sealed record BoardUpdated(string BoardId);

/// <summary>Answered with <see cref="TopProfiles"/>.</summary>
public sealed record GetTopProfiles(int Top, DateTimeOffset AsOf);

/// <param name="Popularity">The score at the query's arrival time (see <see cref="Popularity"/>).</param>
public sealed record RankedProfile(string PosterName, double Popularity, long? FollowerCount, int Posts);

public sealed record TopProfiles(string BoardId, IReadOnlyList<RankedProfile> Profiles);

/// <summary>Answered with <see cref="TopCategories"/>.</summary>
public sealed record GetTopCategories(ArrivalWindow Window, int Top, DateTimeOffset AsOf);

public sealed record RankedCategory(string Category, long Posts);

public sealed record TopCategories(string Window, IReadOnlyList<RankedCategory> Categories);

/// <summary>Asks the categories board for its arrival clock (the latest arrival it has seen, durable
/// across restarts); answered with <see cref="BoardClock"/>.</summary>
public sealed record GetBoardClock
{
    public static readonly GetBoardClock Instance = new();
}

public sealed record BoardClock(DateTimeOffset Clock);
