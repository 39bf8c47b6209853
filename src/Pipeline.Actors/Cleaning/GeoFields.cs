using System.Text.Json;
using Pipeline.Actors.Records;

namespace Pipeline.Actors.Cleaning;

/// <summary>The fields of a geo record: <c>latitude</c> and <c>longitude</c> become <c>coordinates</c>.</summary>
internal struct GeoFields : IRecordFields
{
    private PostIndex index;
    private string? country, countryIssue;
    private double? latitude, longitude;
    private string? latitudeIssue, longitudeIssue;
    private DateTimeOffset? timestamp;
    private string? timestampIssue;

    public readonly PostIndex Index => index;

    public void ReadProperty(ref Utf8JsonReader reader)
    {
        if (PostIndex.IsIndexName(ref reader))
        {
            reader.Read();
            index.Read(ref reader);
        }
        else if (reader.ValueTextEquals("timestamp"u8))
        {
            reader.Read();
            timestamp = JsonValue.Instant(ref reader, out timestampIssue);
        }
        else if (reader.ValueTextEquals("latitude"u8))
        {
            reader.Read();
            latitude = JsonValue.Real(ref reader, out latitudeIssue);
        }
        else if (reader.ValueTextEquals("longitude"u8))
        {
            reader.Read();
            longitude = JsonValue.Real(ref reader, out longitudeIssue);
        }
        else if (reader.ValueTextEquals("country"u8))
        {
            reader.Read();
            var text = JsonValue.Text(ref reader, out countryIssue);
            country = countryIssue is null ? TextField.Clean(text, out countryIssue) : null;
        }
        else
        {
            reader.Read();
            reader.Skip();
        }
    }

    public readonly ICleanRecord Build(long ind, ref FieldIssueList issues)
    {
        // A part that could not be read at all explains the missing pair better than "missing".
        var partIssue = latitudeIssue is not null and not FieldIssueReasons.Missing ? latitudeIssue
            : longitudeIssue is not null and not FieldIssueReasons.Missing ? longitudeIssue
            : null;
        var coordinates = CoordinateRange.Check(latitude, longitude, out var coordinatesIssue);
        issues.Add("country", countryIssue, country is null);
        issues.Add("coordinates", partIssue ?? coordinatesIssue, coordinates is null);
        issues.Add("timestamp", timestampIssue, timestamp is null);
        return new CleanGeo(ind, country, coordinates, timestamp);
    }

}
