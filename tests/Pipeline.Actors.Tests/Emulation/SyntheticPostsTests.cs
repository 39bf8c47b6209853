using System.Text.Json;
using System.Text.RegularExpressions;
using Pipeline.Actors.Emulation;
using Xunit;
using Xunit.Abstractions;

namespace Pipeline.Actors.Tests.Emulation;

public class SyntheticPostsTests(ITestOutputHelper output)
{
    private static readonly Lazy<IReadOnlyList<Parsed>> Clean = new(() =>
        new SyntheticPosts(EmulatorSettings.Synthetic(seed: 11, posts: 10_000) with { MalformedRate = 0 }, FixedClock.Default)
            .Select(Parsed.Of)
            .ToList());

    [Fact]
    public void The_same_seed_gives_byte_identical_files()
    {
        var settings = EmulatorSettings.Synthetic(seed: 3, posts: 3_000) with { MalformedRate = 0.05 };
        using var first = new TempFolder();
        using var second = new TempFolder();

        PostFiles.Write(new SyntheticPosts(settings, FixedClock.Default), first.Path);
        PostFiles.Write(new SyntheticPosts(settings, FixedClock.Default), second.Path);

        foreach (var name in new[] { "pin.jsonl", "geo.jsonl", "user.jsonl" })
        {
            Assert.Equal(File.ReadAllBytes(Path.Combine(first.Path, name)), File.ReadAllBytes(Path.Combine(second.Path, name)));
        }
    }

    [Fact]
    public void Different_seeds_give_different_posts()
    {
        var a = new SyntheticPosts(EmulatorSettings.Synthetic(seed: 1, posts: 50), FixedClock.Default).ToList();
        var b = new SyntheticPosts(EmulatorSettings.Synthetic(seed: 2, posts: 50), FixedClock.Default).ToList();

        Assert.All(a.Zip(b), pair => Assert.NotEqual(pair.Item1.Pin, pair.Item2.Pin));
    }

    [Fact]
    public void A_shorter_run_is_a_prefix_of_a_longer_one()
    {
        var shortRun = new SyntheticPosts(EmulatorSettings.Synthetic(seed: 9, posts: 100), FixedClock.Default).ToList();
        var longRun = new SyntheticPosts(EmulatorSettings.Synthetic(seed: 9, posts: 1_000), FixedClock.Default).ToList();

        Assert.Equal(shortRun, longRun.Take(100));
    }

    [Fact]
    public void Without_a_limit_posts_keep_coming()
    {
        var posts = new SyntheticPosts(EmulatorSettings.Synthetic(seed: 9), FixedClock.Default);

        Assert.Equal(5_000, posts.Take(5_000).Count());
    }

    [Fact]
    public void The_records_of_a_post_share_its_index_and_indices_increase()
    {
        var posts = new SyntheticPosts(EmulatorSettings.Synthetic(seed: 11, posts: 5_000) with { MalformedRate = 0 }, FixedClock.Default).ToList();

        Assert.Equal(Enumerable.Range(0, 5_000).Select(i => (long)i), posts.Select(p => p.Index));
        Assert.All(posts, post =>
        {
            var parsed = Parsed.Of(post);
            Assert.Equal(post.Index, parsed.Pin.GetProperty("index").GetInt64());
            Assert.Equal(post.Index, parsed.Geo.GetProperty("ind").GetInt64());
            Assert.Equal(post.Index, parsed.User.GetProperty("ind").GetInt64());
        });
    }

    [Fact]
    public void Records_have_the_real_rows_fields_in_their_order()
    {
        string[] pinFields = ["index", "unique_id", "title", "description", "poster_name", "follower_count", "tag_list", "is_image_or_video", "image_src", "downloaded", "save_location", "category"];
        var realPin = Keys(File.ReadLines(SharedData.File("pin.jsonl")).First());
        var realGeo = Keys(File.ReadLines(SharedData.File("geo.jsonl")).First());
        var realUser = Keys(File.ReadLines(SharedData.File("user.jsonl")).First());
        Assert.Equal(pinFields, realPin);

        Assert.All(Clean.Value, post =>
        {
            Assert.Equal(realPin.Where(key => post.Pin.TryGetProperty(key, out _)), Keys(post.Pin));
            Assert.Equal(realGeo, Keys(post.Geo));
            Assert.Equal(realUser, Keys(post.User));
        });
    }

    [Fact]
    public void Pin_values_have_the_real_shapes()
    {
        var media = new[] { "image", "video", "multi-video(story page format)" };
        var followers = new Regex(@"^(\d{1,3}|\d{1,3}k|\d+M|User Info Error)$");
        var image = new Regex(@"^(?:https://i\.pinimg\.com/originals/([0-9a-f]{2})/([0-9a-f]{2})/([0-9a-f]{2})/\1\2\3[0-9a-f]{26}\.(jpg|png|webp|gif)|Image src error\.)$");
        var video = new Regex(@"^(?:https://i\.pinimg\.com/videos/thumbnails/originals/([0-9a-f]{2})/([0-9a-f]{2})/([0-9a-f]{2})/\1\2\3[0-9a-f]{26}\.0000001\.jpg|Image src error\.)$");

        Assert.All(Clean.Value, post =>
        {
            var pin = post.Pin;
            Assert.True(Guid.TryParse(pin.GetProperty("unique_id").GetString(), out _));
            var category = pin.GetProperty("category").GetString();
            Assert.Equal($"Local save in /data/{category}", pin.GetProperty("save_location").GetString());
            var kind = pin.GetProperty("is_image_or_video").GetString();
            Assert.Contains(kind, media);
            Assert.Matches(kind == "image" ? image : video, pin.GetProperty("image_src").GetString());
            Assert.Matches(followers, pin.GetProperty("follower_count").GetString());
            var tags = pin.GetProperty("tag_list").GetString()!;
            Assert.True(tags == "N,o, ,T,a,g,s, ,A,v,a,i,l,a,b,l,e" || tags.Split(',').Distinct().Count() == 9, tags);
        });
        Assert.Equal(Clean.Value.Count, Clean.Value.Select(p => p.Pin.GetProperty("unique_id").GetString()).Distinct().Count());
    }

    [Fact]
    public void Thirteen_real_categories_with_skewed_popularity()
    {
        var real = File.ReadLines(SharedData.File("pin.jsonl"))
            .Select(line => JsonDocument.Parse(line).RootElement.GetProperty("category").GetString()!)
            .ToHashSet();
        var counts = Clean.Value
            .GroupBy(p => p.Pin.GetProperty("category").GetString())
            .ToDictionary(g => g.Key!, g => g.Count());
        output.WriteLine(string.Join(", ", counts.OrderByDescending(c => c.Value).Select(c => $"{c.Key} {c.Value}")));

        Assert.True(counts.Count >= 13);
        Assert.Subset(real, counts.Keys.ToHashSet());
        Assert.True(counts.Values.Max() > 2 * counts.Values.Min(), "the most popular category has over twice the posts of the least");
    }

    [Fact]
    public void People_post_repeatedly_and_keep_their_details()
    {
        var byPerson = Clean.Value
            .GroupBy(p => (First: p.User.GetProperty("first_name").GetString(), Last: p.User.GetProperty("last_name").GetString(), Joined: p.User.GetProperty("date_joined").GetString()))
            .ToList();
        var busiest = byPerson.Max(g => g.Count());
        var repeatPosts = byPerson.Where(g => g.Count() > 1).Sum(g => g.Count());
        output.WriteLine($"{byPerson.Count} people in {Clean.Value.Count} posts; busiest {busiest}; posts by repeat posters {repeatPosts}");

        Assert.True(byPerson.Count < Clean.Value.Count * 0.7, "many posts come from people who post again");
        Assert.True(repeatPosts > Clean.Value.Count / 2);
        Assert.True(busiest >= 100, "a few people post very often");
        Assert.All(byPerson, person =>
        {
            Assert.Single(person.Select(p => p.User.GetProperty("age").GetInt32()).Distinct());
            Assert.Single(person.Select(p => p.Geo.GetProperty("country").GetString()).Distinct());
        });
    }

    [Fact]
    public void Ages_are_18_to_70_and_lean_young()
    {
        var ages = Clean.Value.Select(p => p.User.GetProperty("age").GetInt32()).ToList();

        Assert.All(ages, age => Assert.InRange(age, 18, 70));
        Assert.True(ages.Count(a => a < 30) > ages.Count(a => a >= 50));
    }

    [Fact]
    public void Follower_counts_are_heavy_tailed()
    {
        var perPoster = Clean.Value
            .Where(p => p.Pin.TryGetProperty("poster_name", out var name) && name.GetString() != "User Info Error")
            .GroupBy(p => p.Pin.GetProperty("poster_name").GetString())
            .Select(g => Followers(g.First().Pin.GetProperty("follower_count").GetString()!))
            .OrderByDescending(f => f)
            .ToList();
        var total = perPoster.Sum();
        var topShare = perPoster.Take(Math.Max(1, perPoster.Count / 100)).Sum() / total;
        var median = perPoster[perPoster.Count / 2];
        output.WriteLine($"{perPoster.Count} posters: top 1% hold {topShare:P1} of followers; median {median}, max {perPoster[0]}");

        Assert.True(topShare > 0.3, "the top 1% of posters hold over 30% of all followers");
        Assert.InRange(median, 1_000, 100_000);
        Assert.Contains(perPoster, f => f >= 1_000_000);
        Assert.Contains(perPoster, f => f < 100);
    }

    [Fact]
    public void Event_times_follow_the_start_with_jitter()
    {
        var start = new DateTimeOffset(2024, 1, 1, 0, 0, 0, TimeSpan.Zero);
        var settings = EmulatorSettings.Synthetic(seed: 4, posts: 1_000) with { MalformedRate = 0, Start = start };

        var posts = new SyntheticPosts(settings, FixedClock.Default).Select(Parsed.Of).ToList();

        Assert.All(posts.Select((post, i) => (post, i)), item =>
        {
            var time = Time(item.post.Geo.GetProperty("timestamp").GetString()!);
            var due = start + (settings.PostInterval * item.i);
            Assert.InRange(time, due - settings.Jitter - TimeSpan.FromSeconds(1), due);
            Assert.True(Time(item.post.User.GetProperty("date_joined").GetString()!) < start);
        });
    }

    [Fact]
    public void Without_a_start_event_times_are_the_clocks_now_with_jitter()
    {
        var now = new DateTimeOffset(2030, 6, 1, 8, 30, 0, TimeSpan.Zero);

        var posts = new SyntheticPosts(EmulatorSettings.Synthetic(seed: 4, posts: 500) with { MalformedRate = 0 }, new FixedClock(now))
            .Select(Parsed.Of)
            .ToList();

        Assert.All(posts, post => Assert.InRange(
            Time(post.Geo.GetProperty("timestamp").GetString()!),
            now - EmulatorSettings.Default.Jitter - TimeSpan.FromSeconds(1),
            now));
        Assert.True(posts.Select(p => p.Geo.GetProperty("timestamp").GetString()).Distinct().Count() > 1, "jitter spreads the times");
    }

    private static DateTimeOffset Time(string text) =>
        DateTimeOffset.ParseExact(text, "yyyy-MM-dd HH:mm:ss", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AssumeUniversal);

    private static double Followers(string text) => text[^1] switch
    {
        'k' => double.Parse(text[..^1], System.Globalization.CultureInfo.InvariantCulture) * 1_000,
        'M' => double.Parse(text[..^1], System.Globalization.CultureInfo.InvariantCulture) * 1_000_000,
        _ => double.Parse(text, System.Globalization.CultureInfo.InvariantCulture),
    };

    private static string[] Keys(string json) => Keys(JsonDocument.Parse(json).RootElement);

    private static string[] Keys(JsonElement element) => element.EnumerateObject().Select(p => p.Name).ToArray();

    private sealed record Parsed(JsonElement Pin, JsonElement Geo, JsonElement User)
    {
        public static Parsed Of(EmulatedPost post) => new(
            JsonDocument.Parse(post.Pin!).RootElement,
            JsonDocument.Parse(post.Geo!).RootElement,
            JsonDocument.Parse(post.User!).RootElement);
    }
}
