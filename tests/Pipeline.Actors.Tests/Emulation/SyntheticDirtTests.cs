using Pipeline.Actors.Emulation;
using Xunit;
using Xunit.Abstractions;

namespace Pipeline.Actors.Tests.Emulation;

public class SyntheticDirtTests(ITestOutputHelper output)
{
    private const int Posts = 20_000;

    private static readonly Lazy<PinDirtCounts> Real = new(() => PinDirtCounts.Of(
        File.ReadLines(SharedData.File("pin.jsonl")).Concat(File.ReadLines(SharedData.File("pin_partial.jsonl")))));

    private static readonly Lazy<IReadOnlyList<EmulatedPost>> Synthetic = new(() =>
        new SyntheticPosts(EmulatorSettings.Synthetic(seed: 42, posts: Posts), FixedClock.Default).ToList());

    public static TheoryData<string> Kinds() => new(PinDirtCounts.Kinds.Select(k => k.Kind));

    [Theory]
    [MemberData(nameof(Kinds))]
    public void Each_kind_of_dirt_comes_at_the_real_rate(string kind)
    {
        var real = Real.Value;
        var synthetic = PinDirtCounts.Of(Synthetic.Value.Select(p => p.Pin!));
        var realRate = real.Rate(kind);
        var rate = synthetic.Rate(kind);
        output.WriteLine($"{kind}: real {real.Count(kind)}/{real.Pins} = {realRate:P3}, synthetic {synthetic.Count(kind)}/{synthetic.Pins} = {rate:P3}");

        Assert.True(real.Count(kind) > 0, "every kind checked occurs in the real rows");

        // Within 20% of the real rate; for kinds too rare for 20,000 posts to pin down that closely
        // (an empty title is 1 in 4,662), within four binomial standard deviations instead.
        var binomial = 4 * Math.Sqrt(realRate * (1 - realRate) / synthetic.Pins);
        var tolerance = Math.Max(0.2 * realRate, binomial);
        Assert.InRange(rate, realRate - tolerance, realRate + tolerance);
    }

    [Fact]
    public void Malformed_records_come_at_the_configured_rate_in_every_table()
    {
        const double rate = 0.01;
        var posts = new SyntheticPosts(EmulatorSettings.Synthetic(seed: 5, posts: Posts) with { MalformedRate = rate }, FixedClock.Default).ToList();

        var malformedPins = PinDirtCounts.Of(posts.Select(p => p.Pin!)).Malformed;
        var malformedGeo = posts.Count(p => !IsIndexedObject(p.Geo!, "ind"));
        var malformedUser = posts.Count(p => !IsIndexedObject(p.User!, "ind"));
        output.WriteLine($"malformed pin {malformedPins}, geo {malformedGeo}, user {malformedUser} of {Posts}");

        foreach (var count in new[] { malformedPins, malformedGeo, malformedUser })
        {
            Assert.InRange(count, Posts * rate * 0.8, Posts * rate * 1.2);
        }
    }

    [Fact]
    public void Every_malformed_kind_occurs()
    {
        var posts = new SyntheticPosts(EmulatorSettings.Synthetic(seed: 5, posts: 2_000) with { MalformedRate = 0.2 }, FixedClock.Default).ToList();
        var geo = posts.Select(p => p.Geo!).ToList();

        Assert.Contains(geo, g => g.StartsWith("{\"ind\": ", StringComparison.Ordinal) && !g.EndsWith('}'));
        Assert.Contains(geo, g => g.StartsWith("\"{", StringComparison.Ordinal));
        Assert.Contains(geo, g => g.StartsWith("[{", StringComparison.Ordinal));
        Assert.Contains(geo, g => g.StartsWith("{\"timestamp\": ", StringComparison.Ordinal));
        Assert.Contains(geo, g => g.StartsWith("{\"ind\": -", StringComparison.Ordinal));
    }

    [Fact]
    public void Without_a_malformed_rate_every_record_is_a_well_formed_object()
    {
        var posts = new SyntheticPosts(EmulatorSettings.Synthetic(seed: 5, posts: 2_000) with { MalformedRate = 0 }, FixedClock.Default);

        Assert.All(posts, post =>
        {
            Assert.True(IsIndexedObject(post.Pin!, "index"));
            Assert.True(IsIndexedObject(post.Geo!, "ind"));
            Assert.True(IsIndexedObject(post.User!, "ind"));
        });
    }

    internal static bool IsIndexedObject(string record, string key)
    {
        try
        {
            using var document = System.Text.Json.JsonDocument.Parse(record);
            return document.RootElement.ValueKind == System.Text.Json.JsonValueKind.Object
                && document.RootElement.TryGetProperty(key, out var index)
                && index.GetInt64() >= 0;
        }
        catch (System.Text.Json.JsonException)
        {
            return false;
        }
    }
}
