using System.Text.Json;

namespace Pipeline.Actors.Tests.Emulation;

/// <summary>
/// Counts each kind of dirt over raw pin records, computed the same way for the real rows and for
/// the emulator's output so the two can be compared. Records that are not JSON objects are counted
/// apart as malformed and left out of the rates.
/// </summary>
internal sealed class PinDirtCounts
{
    public static readonly (string Kind, Func<JsonElement, bool> Has)[] Kinds =
    [
        ("title No Title Data Available", pin => Is(pin, "title", "No Title Data Available")),
        ("title empty", pin => Is(pin, "title", string.Empty)),
        ("description No description available Story format", pin => Is(pin, "description", "No description available Story format")),
        ("description No description available", pin => Is(pin, "description", "No description available")),
        ("poster_name User Info Error", pin => Is(pin, "poster_name", "User Info Error")),
        ("follower_count User Info Error", pin => Is(pin, "follower_count", "User Info Error")),
        ("tag_list No Tags Available", pin => Is(pin, "tag_list", "N,o, ,T,a,g,s, ,A,v,a,i,l,a,b,l,e")),
        ("image_src Image src error.", pin => Is(pin, "image_src", "Image src error.")),
        ("downloaded missing", pin => !pin.TryGetProperty("downloaded", out _)),
        ("downloaded 0", pin => pin.TryGetProperty("downloaded", out var d) && d.ValueKind == JsonValueKind.Number && d.GetInt32() == 0),
        ("poster_name missing", pin => !pin.TryGetProperty("poster_name", out _)),
        ("is_image_or_video video", pin => Is(pin, "is_image_or_video", "video")),
        ("is_image_or_video story page", pin => Is(pin, "is_image_or_video", "multi-video(story page format)")),
        ("description cut with an ellipsis", pin => pin.TryGetProperty("description", out var d) && d.GetString()!.EndsWith("…\u00a0", StringComparison.Ordinal)),
    ];

    private readonly Dictionary<string, long> _counts = Kinds.ToDictionary(k => k.Kind, _ => 0L);

    public long Pins { get; private set; }

    public long Malformed { get; private set; }

    public static PinDirtCounts Of(IEnumerable<string> records)
    {
        var counts = new PinDirtCounts();
        foreach (var record in records)
        {
            counts.Add(record);
        }

        return counts;
    }

    public double Rate(string kind) => (double)_counts[kind] / Pins;

    public long Count(string kind) => _counts[kind];

    private void Add(string record)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(record);
        }
        catch (JsonException)
        {
            Malformed++;
            return;
        }

        using (document)
        {
            var pin = document.RootElement;
            if (pin.ValueKind != JsonValueKind.Object || !pin.TryGetProperty("index", out var index) || index.GetInt64() < 0)
            {
                Malformed++;
                return;
            }

            Pins++;
            foreach (var (kind, has) in Kinds)
            {
                if (has(pin))
                {
                    _counts[kind]++;
                }
            }
        }
    }

    private static bool Is(JsonElement pin, string field, string value) =>
        pin.TryGetProperty(field, out var actual) && actual.ValueKind == JsonValueKind.String && actual.GetString() == value;
}
