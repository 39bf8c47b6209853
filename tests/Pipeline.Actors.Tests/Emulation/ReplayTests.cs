using System.Text.Json;
using Pipeline.Actors.Emulation;
using Xunit;

namespace Pipeline.Actors.Tests.Emulation;

public class ReplayTests
{
    private static readonly Lazy<IReadOnlyList<EmulatedPost>> RealInFileOrder = new(() => new ReplayedPosts(SharedData.Folder).ToList());

    [Fact]
    public void File_order_gives_every_real_record_exactly_once_in_its_file_order()
    {
        var posts = RealInFileOrder.Value;
        var pins = File.ReadAllLines(SharedData.File("pin.jsonl"));
        var partialPins = File.ReadAllLines(SharedData.File("pin_partial.jsonl"));
        var emittedPins = posts.Where(p => p.Pin is not null).Select(p => p.Pin!).ToList();

        Assert.Equal(File.ReadAllLines(SharedData.File("geo.jsonl")), posts.Where(p => p.Geo is not null).Select(p => p.Geo!));
        Assert.Equal(File.ReadAllLines(SharedData.File("user.jsonl")), posts.Where(p => p.User is not null).Select(p => p.User!));
        Assert.Equal(pins.Length + partialPins.Length, emittedPins.Count);
        Assert.Equal(pins, emittedPins.Where(pins.ToHashSet().Contains));
        Assert.Equal(partialPins, emittedPins.Where(partialPins.ToHashSet().Contains));
    }

    [Fact]
    public void File_order_groups_the_records_of_each_post_by_index()
    {
        var posts = RealInFileOrder.Value;

        Assert.Equal(Enumerable.Range(0, 11_154).Select(i => (long)i), posts.Select(p => p.Index));
        Assert.All(posts, post => Assert.All(post.Records(), record => Assert.Equal(post.Index, Index(record.Json))));
        Assert.Contains(posts, post => post.Pin is null);
        Assert.Equal(4_034 + 628, posts.Count(post => post.Pin is not null));
    }

    [Fact]
    public void File_order_stops_at_the_limit()
    {
        var posts = new ReplayedPosts(SharedData.Folder, limit: 25).ToList();

        Assert.Equal(RealInFileOrder.Value.Take(25), posts);
    }

    [Fact]
    public void Replaying_written_synthetic_posts_writes_the_same_files_malformed_records_included()
    {
        using var written = new TempFolder();
        using var replayed = new TempFolder();
        var synthetic = new SyntheticPosts(EmulatorSettings.Synthetic(seed: 8, posts: 3_000) with { MalformedRate = 0.05 }, FixedClock.Default).ToList();
        PostFiles.Write(synthetic, written.Path);

        var replay = new ReplayedPosts(written.Path).ToList();
        var counts = PostFiles.Write(replay, replayed.Path);

        Assert.Equal((3_000L, 3_000L, 3_000L), (counts.Pins, counts.Geos, counts.Users));
        foreach (var name in new[] { "pin.jsonl", "geo.jsonl", "user.jsonl" })
        {
            Assert.Equal(File.ReadAllBytes(Path.Combine(written.Path, name)), File.ReadAllBytes(Path.Combine(replayed.Path, name)));
        }

        // Records whose index can be read (truncated ones too) join their post; the rest stand alone.
        var whole = replay.Where(p => p.Index >= 0).ToDictionary(p => p.Index);
        Assert.All(synthetic.Where(p => p.Records().All(r => RecordIndexReadable(r.Json))), post => Assert.Equal(post, whole[post.Index]));
        Assert.All(replay.Where(p => p.Index < 0), post => Assert.Single(post.Records()));
        Assert.Contains(replay, post => post.Index >= 0 && post.Records().Count() == 3 && post.Records().Any(r => !r.Json.EndsWith('}')));
    }

    [Fact]
    public void Shuffle_visits_posts_in_the_original_emulators_order()
    {
        var posts = new ShuffledPosts(SharedData.Folder, limit: 20).ToList();
        var geoByIndex = File.ReadLines(SharedData.File("geo.jsonl")).ToDictionary(line => Index(line));

        Assert.Equal([7528L, 2863, 5730, 8304, 8731, 1313, 4315, 10794, 5494, 5069, 2923, 3089, 6063, 3454, 7554, 6145, 10625, 2959, 9875, 2418], posts.Select(p => p.Index));
        Assert.All(posts, post => Assert.Equal(geoByIndex[post.Index], post.Geo));
        Assert.Equal(RealInFileOrder.Value[7528], posts[0]);
    }

    [Fact]
    public void Shuffle_through_the_emulator_uses_the_original_seed_by_default()
    {
        var posts = UserPostingEmulator.Posts(EmulatorSettings.Replay(SharedData.Folder, shuffle: true, posts: 4), FixedClock.Default);

        Assert.Equal([7528L, 2863, 5730, 8304], posts.Select(p => p.Index));
    }

    [Fact]
    public void Shuffle_of_a_folder_without_pickable_posts_is_empty()
    {
        using var folder = new TempFolder();
        File.WriteAllText(Path.Combine(folder.Path, "geo.jsonl"), "{\"ind\": 20000, \"country\": \"Chad\"}\n{\"ind\": -4}\n");

        Assert.Empty(new ShuffledPosts(folder.Path, limit: 10));
    }

    [Fact]
    public void A_folder_without_post_files_is_refused()
    {
        using var folder = new TempFolder();

        Assert.Throws<FileNotFoundException>(() => new ReplayedPosts(folder.Path).ToList());
    }

    private static long Index(string json)
    {
        var root = JsonDocument.Parse(json).RootElement;
        return (root.TryGetProperty("index", out var index) ? index : root.GetProperty("ind")).GetInt64();
    }

    private static bool RecordIndexReadable(string json)
    {
        try
        {
            var root = JsonDocument.Parse(json).RootElement;
            return root.ValueKind == JsonValueKind.Object
                && (root.TryGetProperty("index", out var index) || root.TryGetProperty("ind", out index))
                && index.GetInt64() >= 0;
        }
        catch (JsonException)
        {
            return false;
        }
    }
}
