using System.Collections.Concurrent;
using Akka.Actor;
using Akka.Cluster.Sharding;
using Akka.Streams;
using Akka.Streams.Dsl;
using Pipeline.Actors.Cleaning;
using Pipeline.Actors.Emulation;
using Pipeline.Actors.Leaderboards;
using Pipeline.Actors.Live;
using Pipeline.Actors.Records;
using Pipeline.Actors.Tests.Live;
using Xunit;

namespace Pipeline.Actors.Tests.Simulations;

/// <summary>
/// Nine days of the emulator's users posting, in 30-minute steps of virtual time: daytime posting
/// at a varying rate, quiet nights and one quiet day. After every step the profiles that posted,
/// every category and the top categories of each window are compared with
/// <see cref="WindowReference"/>; every twelve hours every profile and the profile boards too (many
/// of those profiles passivated meanwhile and come back from their snapshots).
/// </summary>
public sealed class WindowSimulationTests : Akka.TestKit.Xunit2.TestKit
{
    private static readonly TimeSpan Step = TimeSpan.FromMinutes(30);
    private const int Steps = 9 * 48;
    private const int StepsPerFullCheck = 24;
    private static readonly TimeSpan CheckpointInterval = TimeSpan.FromMinutes(345);

    // Checkpoints by virtual time only; entities idle for two virtual hours passivate.
    private static readonly string Overrides = VirtualTime.Config + "\n" + $"""
        pipeline.live.checkpoints.interval = {CheckpointInterval.TotalMinutes}m
        pipeline.live.checkpoints.max-updates = 1000000
        pipeline.live.passivate-after = 2h
        """;

    private readonly string _databasePath;

    public WindowSimulationTests(Xunit.Abstractions.ITestOutputHelper output)
        : this(LiveTestSystem.NewDatabasePath(), output)
    {
    }

    private WindowSimulationTests(string databasePath, Xunit.Abstractions.ITestOutputHelper output)
        : base(LiveTestSystem.Setup(databasePath, Overrides), "pipeline", output) => _databasePath = databasePath;

    protected override void AfterAll()
    {
        base.AfterAll();
        File.Delete(_databasePath);
    }

    [Fact]
    public async Task Windows_popularity_and_leaderboards_follow_nine_days_of_virtual_time()
    {
        var time = new VirtualTime(Sys);
        var regions = await time.StartLiveStateAsync(Sys);
        var settings = LiveStateSettings.FromConfig(Sys.Settings.Config);
        var clock = new ArrivalClock();
        var queries = new LiveQueries(regions, settings, clock);
        var commits = new ConcurrentQueue<DateTimeOffset>();
        var (input, done) = Source.Queue<RawRecord>(1000, OverflowStrategy.Backpressure)
            .Via(CleaningFlow.Create())
            .Via(LiveState.Flow(regions, settings, clock))
            .ToMaterialized(Sink.ForEach<SourcePosition>(_ => commits.Enqueue(time.Now)), Keep.Both)
            .Run(Sys.Materializer());

        var origin = new DateTimeOffset(time.Now.UtcDateTime.Date.AddDays(1), TimeSpan.Zero);
        time.AdvanceTo(origin);
        using var users = new PostingUsers(EmulatorSettings.Synthetic(seed: 7) with { Profiles = 100, Start = origin }, time);
        var reference = new WindowReference(settings.Assembly.Buckets, settings.Assembly.Wait, settings.Profiles.PopularityHalfLife);
        var plan = new Random(7);
        var fewestAwake = int.MaxValue;

        for (var step = 0; step < Steps; step++)
        {
            var start = origin + (Step * step);
            var posts = PostsIn(start - origin, plan);
            var posted = new HashSet<string>(StringComparer.Ordinal);
            for (var i = 0; i < posts; i++)
            {
                foreach (var raw in users.PostAt(start + (Step * i / posts)))
                {
                    Assert.Equal(QueueOfferResult.Enqueued.Instance, await input.OfferAsync(raw));
                    if (RecordCleaner.Clean(raw) is CleanedRecord cleaned)
                    {
                        reference.Add(cleaned);
                        if (cleaned.Record is CleanPin { PosterName: { } poster })
                            posted.Add(poster);
                    }
                }
            }
            await time.RunUntilAsync(() => clock.Now >= reference.Now, settings.Checkpoints.BatchWait);

            var expected = reference.Posts();
            await ExpectCategoriesAsync(time, queries, expected, reference.Now);
            if (step % StepsPerFullCheck != StepsPerFullCheck - 1)
            {
                await ExpectProfilesAsync(time, queries, expected, posted, reference.Now);
                continue;
            }
            fewestAwake = Math.Min(fewestAwake, await time.AnswerAsync(AwakeAsync(regions.Profiles)));
            await ExpectProfilesAsync(time, queries, expected, expected.Posters, reference.Now);
            await ExpectBoardsAsync(time, queries, expected, reference.Now);
        }

        input.Complete();
        await time.RunUntilAsync(() => done.IsCompleted, settings.Checkpoints.BatchWait);
        await done;
        reference.End();
        var final = reference.Posts();
        Assert.True(final.All.Count > 1000, $"only {final.All.Count} posts");
        await ExpectCategoriesAsync(time, queries, final, reference.Now);
        await ExpectProfilesAsync(time, queries, final, final.Posters, reference.Now);
        await ExpectBoardsAsync(time, queries, final, reference.Now);

        // Some profiles had passivated by a twelve-hourly check and answered from their snapshots.
        Assert.True(fewestAwake < final.Posters.Count, $"no profile passivated ({fewestAwake} awake)");
        // Positions were released by the checkpoint interval in virtual time, at least twice on
        // every day with posts (the end of input releases the rest at once). Checkpoints begin one
        // interval apart; each releases when its buckets persisted, while posting goes on and this
        // test moves virtual time on, so two releases are at least half an interval apart.
        var released = Moments(commits).SkipLast(1).ToList();
        Assert.True(released.Count >= 16, $"positions released only {released.Count} times");
        Assert.All(released.Zip(released.Skip(1), (first, second) => (First: first, Second: second)), pair => Assert.True(pair.Second - pair.First >= CheckpointInterval / 2, $"released at {pair.First:O} and again at {pair.Second:O}"));
    }

    /// <summary>The moments positions were released (one checkpoint releases one position per
    /// partition, a few virtual milliseconds apart).</summary>
    private static IEnumerable<DateTimeOffset> Moments(IEnumerable<DateTimeOffset> releases)
    {
        var last = DateTimeOffset.MinValue;
        foreach (var release in releases)
        {
            if (release - last > TimeSpan.FromMinutes(1))
                yield return release;
            last = release;
        }
    }

    /// <summary>Posts per step: none at night (00:00-07:00) nor on the fourth day, else 0 to 8.</summary>
    private static int PostsIn(TimeSpan sinceOrigin, Random plan) =>
        sinceOrigin.Days == 3 || sinceOrigin.Hours < 7 ? 0 : plan.Next(0, 9);

    private static async Task ExpectCategoriesAsync(VirtualTime time, LiveQueries queries, WindowReference.Counted expected, DateTimeOffset now)
    {
        var categories = expected.Categories;
        var views = await time.AnswerAsync(Task.WhenAll(categories.Select(queries.CategoryAsync)));
        foreach (var (category, view) in categories.Zip(views))
        {
            var live = view is null ? $"{category}: none" : Text.Category(
                category, view.Posts, Text.Counts(view.ByCountry), Text.Counts(view.ByPostYear), Text.Counts(view.ByAgeGroup),
                [view.PostsLast1h, view.PostsLast24h, view.PostsLast7d]);
            Assert.Equal(At(now, expected.Category(category)), At(now, live));
        }
        var tops = await time.AnswerAsync(Task.WhenAll(WindowReference.Windows.Select(window => queries.TopCategoriesAsync(window.Name, 10))));
        foreach (var ((window, length), top) in WindowReference.Windows.Zip(tops))
        {
            Assert.Equal(
                At(now, $"top {window}: " + expected.TopCategories(length, 10)),
                At(now, $"top {window}: " + Text.Ranking(top.Categories.Select(entry => $"{entry.Category}={entry.Posts}"))));
        }
    }

    private static async Task ExpectProfilesAsync(VirtualTime time, LiveQueries queries, WindowReference.Counted expected, IEnumerable<string> posters, DateTimeOffset now)
    {
        var names = posters.ToList();
        var views = await time.AnswerAsync(Task.WhenAll(names.Select(queries.ProfileAsync)));
        foreach (var (poster, view) in names.Zip(views))
        {
            var live = view is null ? $"{poster}: none" : Text.Profile(
                poster, view.FollowerCount, view.Posts, [view.PostsLast1h, view.PostsLast24h, view.PostsLast7d],
                Text.Counts(view.Categories.Select(entry => KeyValuePair.Create(entry.Key, (long)entry.Value))));
            Assert.Equal(At(now, expected.Profile(poster)), At(now, live));
            if (view is not null)
                AssertClose(expected.Popularity(poster), view.Popularity, At(now, $"popularity of {poster}"));
        }
    }

    private static async Task ExpectBoardsAsync(VirtualTime time, LiveQueries queries, WindowReference.Counted expected, DateTimeOffset now)
    {
        ExpectBoard(expected.TopProfiles(10), await time.AnswerAsync(queries.TopProfilesAsync(10)), "all", now);
        var categories = expected.Categories;
        var boards = await time.AnswerAsync(Task.WhenAll(categories.Select(category => queries.TopProfilesAsync(5, category: category))));
        foreach (var (category, board) in categories.Zip(boards))
            ExpectBoard(expected.TopProfiles(5, category), board, category, now);
    }

    private static void ExpectBoard(IReadOnlyList<(string Poster, double Popularity)> expected, TopProfiles live, string board, DateTimeOffset now)
    {
        Assert.Equal(
            At(now, $"board {board}: " + Text.Ranking(expected.Select(entry => entry.Poster))),
            At(now, $"board {board}: " + Text.Ranking(live.Profiles.Select(entry => entry.PosterName))));
        foreach (var (entry, ranked) in expected.Zip(live.Profiles))
            AssertClose(entry.Popularity, ranked.Popularity, At(now, $"popularity of {entry.Poster} on board {board}"));
    }

    /// <summary>How many profile entities are running (not passivated).</summary>
    private static async Task<int> AwakeAsync(IActorRef profiles)
    {
        var state = await profiles.Ask<CurrentShardRegionState>(GetShardRegionState.Instance, TimeSpan.FromSeconds(10));
        return state.Shards.Sum(shard => shard.EntityIds.Count);
    }

    private static void AssertClose(double expected, double actual, string what) =>
        Assert.True(Math.Abs(expected - actual) <= 1e-9 * Math.Max(1, Math.Abs(expected)), $"{what}: expected {expected:R}, live {actual:R}");

    private static string At(DateTimeOffset now, string text) => $"at {now:yyyy-MM-dd HH:mm:ss} {text}";
}
