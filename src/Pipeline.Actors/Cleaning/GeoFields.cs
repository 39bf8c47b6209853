using System.Text.Json;
using Pipeline.Actors.Records;

namespace Pipeline.Actors.Cleaning;

/// <summary>The fields of a geo record: <c>latitude</c> and <c>longitude</c> become <c>coordinates</c>.</summary>
internal struct GeoFields : IRecordFields
{
    /// <summary>The world has some 250 countries; sixteen slots for each keep nearly all of them apart.</summary>
    private static readonly RepeatedText Countries = new(4096);

    private PostIndex index;
    private string? country, countryIssue;
    private double? latitude, longitude;
    private string? latitudeIssue, longitudeIssue;
    private DateTimeOffset? timestamp;
    private string? timestampIssue;

    public readonly PostIndex Index => index;

    public void Read(scoped ReadOnlySpan<byte> name, ref Utf8JsonReader reader, char[] scratch)
    {
        // The length picks the candidate, so each property costs one comparison.
        switch (name.Length)
        {
            case 3 or 5 when PostIndex.IsIndexName(name):
                index.Read(ref reader, scratch);
                break;
            case 7 when name.SequenceEqual("country"u8):
                country = JsonValue.CleanText(ref reader, scratch, Countries, out countryIssue);
                break;
            case 8 when name.SequenceEqual("latitude"u8):
                latitude = JsonValue.Real(ref reader, scratch, out latitudeIssue);
                break;
            case 9 when name.SequenceEqual("longitude"u8):
                longitude = JsonValue.Real(ref reader, scratch, out longitudeIssue);
                break;
            case 9 when name.SequenceEqual("timestamp"u8):
                timestamp = JsonValue.Instant(ref reader, scratch, out timestampIssue);
                break;
            default:
                reader.Skip();
                break;
        }
    }

    public readonly ICleanRecord Build(long ind, char[] scratch, ref FieldIssueList issues)
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
