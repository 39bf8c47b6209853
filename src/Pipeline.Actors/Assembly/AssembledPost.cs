using Pipeline.Actors.Records;

namespace Pipeline.Actors.Assembly;

/// <summary>The fields of a clean pin that live state uses.</summary>
public sealed record PinFacts(string? PosterName, long? FollowerCount, string? Category)
{
    public static PinFacts Of(CleanPin pin) => new(pin.PosterName, pin.FollowerCount, pin.Category);
}

/// <summary>The fields of a clean geo record that live state uses.</summary>
public sealed record GeoFacts(string? Country, DateTimeOffset? Timestamp)
{
    public static GeoFacts Of(CleanGeo geo) => new(geo.Country, geo.Timestamp);
}

/// <summary>The fields of a clean user record that live state uses.</summary>
public sealed record UserFacts(string? UserName, int? Age, DateTimeOffset? DateJoined)
{
    public static UserFacts Of(CleanUser user) => new(user.UserName, user.Age, user.DateJoined);
}

/// <summary>
/// One post as the assembler joined it: whichever of its three parts arrived (a missing part is
/// null), and its arrival time, the latest arrival time among the parts it had when first emitted.
/// Only the fields live state needs are kept, so remembering emitted posts stays cheap.
/// </summary>
public sealed record AssembledPost(long Ind, DateTimeOffset ArrivalTime, PinFacts? Pin, GeoFacts? Geo, UserFacts? User)
{
    public bool IsComplete => Pin is not null && Geo is not null && User is not null;

    public string? PosterName => Pin?.PosterName;

    public long? FollowerCount => Pin?.FollowerCount;

    public string? Category => Pin?.Category;

    public string? Country => Geo?.Country;

    /// <summary>Event time: the year of the geo timestamp.</summary>
    public int? PostYear => Geo?.Timestamp?.UtcDateTime.Year;

    public int? Age => User?.Age;

    public string? AgeGroup => AgeGroups.Of(User?.Age);

    /// <summary>Event time: the year of the user's date_joined.</summary>
    public int? JoinYear => User?.DateJoined?.UtcDateTime.Year;

    /// <summary>This post with <paramref name="record"/>'s part set (last write wins).</summary>
    public AssembledPost With(ICleanRecord record) => record switch
    {
        CleanPin pin => this with { Pin = PinFacts.Of(pin) },
        CleanGeo geo => this with { Geo = GeoFacts.Of(geo) },
        CleanUser user => this with { User = UserFacts.Of(user) },
        _ => throw new ArgumentOutOfRangeException(nameof(record), record.GetType().Name, "not a clean pin, geo or user"),
    };
}
