namespace Pipeline.Actors.Records;

/// <summary>A record that passed cleaning: every field typed, placeholders already null.</summary>
public interface ICleanRecord
{
    /// <summary>The post index shared by the pin, geo and user records of one post.</summary>
    long Ind { get; }

    Table Table { get; }
}

/// <summary>A clean pin. Properties are declared in the contract's field order.</summary>
public sealed record CleanPin(
    long Ind,
    string? UniqueId,
    string? Title,
    string? Description,
    long? FollowerCount,
    string? PosterName,
    IReadOnlyList<string>? TagList,
    string? IsImageOrVideo,
    string? ImageSrc,
    string? SaveLocation,
    string? Category,
    bool? Downloaded) : ICleanRecord
{
    public Table Table => Table.Pin;
}

/// <summary>Latitude first, as the clean geo table's <c>coordinates</c> array.</summary>
public readonly record struct Coordinates(double Latitude, double Longitude);

public sealed record CleanGeo(long Ind, string? Country, Coordinates? Coordinates, DateTimeOffset? Timestamp) : ICleanRecord
{
    public Table Table => Table.Geo;
}

public sealed record CleanUser(long Ind, string? UserName, int? Age, DateTimeOffset? DateJoined) : ICleanRecord
{
    public Table Table => Table.User;
}
