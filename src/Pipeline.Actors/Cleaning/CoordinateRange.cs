using Pipeline.Actors.Records;

namespace Pipeline.Actors.Cleaning;

/// <summary>The range check that turns a latitude and a longitude into a clean coordinate pair.</summary>
public static class CoordinateRange
{
    /// <summary>
    /// The pair when latitude lies in -90..90 and longitude in -180..180; otherwise null and
    /// <see cref="FieldIssueReasons.OutOfRange"/>. Either part missing makes the pair
    /// <see cref="FieldIssueReasons.Missing"/>: half a position is no position.
    /// </summary>
    public static Coordinates? Check(double? latitude, double? longitude, out string? issue)
    {
        if (latitude is not { } lat || longitude is not { } lon)
        {
            issue = FieldIssueReasons.Missing;
            return null;
        }

        if (lat is < -90 or > 90 || lon is < -180 or > 180 || !double.IsFinite(lat) || !double.IsFinite(lon))
        {
            issue = FieldIssueReasons.OutOfRange;
            return null;
        }

        issue = null;
        return new Coordinates(lat, lon);
    }
}
