using Pipeline.Actors.Assembly;
using Pipeline.Actors.Categories;
using Pipeline.Actors.Checkpoints;
using Pipeline.Actors.Cohorts;
using Pipeline.Actors.History;
using Pipeline.Actors.Leaderboards;
using Pipeline.Actors.Live;
using Pipeline.Actors.Profiles;
using Pipeline.Actors.Records;
using Akka.Actor;
using Pipeline.Actors.Sources.Kinesis;
using Pipeline.Actors.Sources.Kinesis.Ownership;

namespace Pipeline.Actors.Tests.Serialization;

/// <summary>Representative instances of every serialized type: filled in, with every optional field
/// null and every list empty, and with text outside ASCII and extreme numbers.</summary>
internal static class WireSamples
{
    private static readonly DateTimeOffset Utc = new(2024, 3, 31, 23, 59, 59, 123, TimeSpan.Zero);
    private static readonly DateTimeOffset Offset = new(2019, 12, 1, 8, 30, 0, TimeSpan.FromHours(5.5));

    private static readonly SourcePosition Kafka = new("kafka:cluster-1/u1.pin", "3", "1234567", Utc);
    private static readonly SourcePosition Kinesis = new("streaming-u1-geo", "shardId-000000000001", "49590338271490256608559692538361571095921575989136588898", Offset);

    private static readonly CleanPin FullPin = new(7528, "fbe53c66-3442-4773-b19e-d3ec6f54dddf", "Déco d’intérieur ✨", "Ideen für Zuhause 🏡\nzweite Zeile", 124_000, "Poppy | Crafts", ["diy", "home décor", ""], "image", "https://i.pinimg.com/originals/a.jpg", "/data/home-decor", "home-decor", true);
    private static readonly CleanPin EmptyPin = new(0, null, null, null, null, null, null, null, null, null, null, null);
    private static readonly CleanPin NoTagsPin = new(long.MaxValue, "", "", "", 0, "", [], "video", "", "", "", false);
    private static readonly CleanPin CleanedTagsPin = FullPin with { TagList = global::Pipeline.Actors.Cleaning.TagList.Parse(" diy , home décor,,🏡 ", out _) };
    private static readonly CleanGeo FullGeo = new(2863, "Côte d'Ivoire", new Coordinates(-89.9999, 179.25), Offset);
    private static readonly CleanGeo EmptyGeo = new(1, null, null, null);
    private static readonly CleanUser FullUser = new(5730, "Zoë Ñúñez 山田", 129, Utc);
    private static readonly CleanUser EmptyUser = new(2, null, null, null);

    private static readonly CleanedRecord CleanedPin = new(FullPin, [new FieldIssue("pin.title", "placeholder"), new FieldIssue("pin.follower_count", "not_a_number")], Kafka);
    private static readonly CleanedRecord CleanedGeo = new(EmptyGeo, [], Kinesis);
    private static readonly CleanedRecord CleanedUser = new(FullUser, [], Kafka);

    private static readonly AssembledPost Complete = new(7528, Utc, new PinFacts("Poppy | Crafts", 124_000, "home-decor"), new GeoFacts("Côte d'Ivoire", Offset), new UserFacts("Zoë Ñúñez", 20, Utc));
    private static readonly AssembledPost PinOnly = new(9, Offset, new PinFacts(null, null, null), null, null);
    private static readonly AssembledPost Nothing = new(-1, Utc, null, new GeoFacts(null, null), new UserFacts(null, null, null));

    private static readonly PostChange NewPost = new(5, 1, null, Complete);
    private static readonly PostChange Revised = new(63, long.MaxValue, PinOnly, Nothing);

    private static readonly ProfileStanding Standing = new("Poppy | Crafts", 77, 124_000, 12.5e-3, 3, [new BoardMembership("profiles", true), new BoardMembership("profiles/category/home-decor", false)]);
    private static readonly ProfileStanding Unranked = new("ψ", 0, null, double.NegativeInfinity, 0, []);

    private static readonly CategoryChanged Changed = new("home-decor", long.MaxValue, Utc, [new MinuteCount(1_064_000_000, 4), new MinuteCount(0, 0)]);
    private static readonly CategoryChanged Untouched = new("", 0, Offset, []);

    private static readonly MetricTable Table = new("top_user_by_country", ["country", "poster_name", "follower_count"], [["Chad", "bob", 300L], ["Perú", null, long.MinValue], []]);
    private static readonly MetricTable EmptyTable = new("users_joined_by_year", [], []);

    private static readonly HistoryRun Succeeded = new("20240331T235959123Z", Utc, HistoryRunStatus.Succeeded, TimeSpan.FromMilliseconds(1234), 1, null);
    private static readonly HistoryRun Failed = new("20191201T030000000Z", Offset, HistoryRunStatus.Failed, TimeSpan.Zero, 2, "IOException: disk « full »");

    private static readonly ShardKey Shard = new("streaming-u1-pin", "shardId-000000000003");

    public static IReadOnlyList<object> All { get; } =
    [
        Kafka, Kinesis,
        CleanedPin, CleanedGeo, CleanedUser,
        FullPin, EmptyPin, NoTagsPin, CleanedTagsPin, FullGeo, EmptyGeo, FullUser, EmptyUser,
        Table, EmptyTable,

        new AssembleRecords([CleanedPin, CleanedGeo, CleanedUser, new CleanedRecord(EmptyPin, [], Kinesis)]),
        new AssembleRecords([]),
        FlushPendingPosts.Instance,
        new PostsAssembled(7, 2, 12),
        new PostsAssembled(0, 0, 0),
        GetAssemblerStatus.Instance,
        new AssemblerStatus(63, 1_000_000, 0, 100_000, Offset),
        new ApplyPostChanges(5, [NewPost, Revised], 17),
        new ApplyPostChanges(0, [], null),
        NewPost, Revised,
        Complete, PinOnly, Nothing,
        new PinFacts("a", 1, "b"), new PinFacts(null, null, null),
        new GeoFacts("Chad", Utc), new GeoFacts(null, null),
        new UserFacts("Ann A", 18, Offset), new UserFacts(null, null, null),

        Standing, Unranked,
        new BoardMembership("profiles/country/Côte d'Ivoire", true),
        new GetProfile("Poppy | Crafts", Utc),
        new ProfileView("Poppy | Crafts", 124_000, 3, 1, 2, 3, 4.25, new Dictionary<string, int> { ["home-decor"] = 2, ["Ünïcode"] = 1 }),
        new ProfileView("nobody-yet", null, 0, 0, 0, 0, 0, new Dictionary<string, int>()),
        new ProfileNotFound("nobody"),

        new MinuteCount(long.MaxValue, 1),
        Changed, Untouched,
        new GetCategory("home-decor", Offset),
        new CategoryView("home-decor", 10, new Dictionary<string, long> { ["Chad"] = 3, ["Perú"] = 7 }, new Dictionary<int, long> { [2018] = 4, [-1] = 6 }, new Dictionary<string, long> { ["18-24"] = 10 }, 1, 2, 3),
        new CategoryView("empty", 0, new Dictionary<string, long>(), new Dictionary<int, long>(), new Dictionary<string, long>(), 0, 0, 0),
        new CategoryNotFound("🙂"),

        new CohortChangesApplied("country/Chad"),
        new GetCohortSummary("join-year/2016"),
        new CohortSummary("country/Chad", "art", 2, "bob", 300, 5, 150, 4, ["Chad", "Mali"]),
        new CohortSummary("age-group/50+", null, 0, null, null, 0, null, 0, []),

        new UpdateProfileBoard([Standing, Unranked]),
        new UpdateProfileBoard([]),
        new UpdateCategoryBoard([Changed, Untouched]),
        new BoardUpdated("profiles"),
        new GetTopProfiles(10, Utc),
        new RankedProfile("bob", 1e300, null, 1),
        new TopProfiles("profiles/category/art", [new RankedProfile("bob", 2.5, 300, 2), new RankedProfile("ann", 0, null, 0)]),
        new TopProfiles("profiles", []),
        new GetTopCategories(ArrivalWindow.LastDay, 100, Offset),
        new RankedCategory("art", 42),
        new TopCategories("7d", [new RankedCategory("art", 42), new RankedCategory("food", 0)]),
        new TopCategories("1h", []),
        GetBoardClock.Instance,
        new BoardClock(DateTimeOffset.MinValue),
        new BoardClock(Offset),
        ArrivalWindow.LastWeek,
        new ArrivalWindow("90s", TimeSpan.FromSeconds(90.5)),

        PersistCheckpoint.Instance,
        new CheckpointPersisted("profile-Poppy | Crafts"),
        new ConfirmChanges(63, long.MaxValue),
        new ChangesMissing("category-home-decor", 0, 0),
        StopEntity.Instance,

        new HistoryScheduler.RunNow(),
        new HistoryScheduler.GetRuns(),
        new HistoryScheduler.HistoryRuns([Succeeded, Failed]),
        new HistoryScheduler.HistoryRuns([]),
        new HistoryScheduler.GetLatest("category_by_country"),
        new HistoryScheduler.LatestHistory("top_user_by_country", Table),
        new HistoryScheduler.LatestHistory("top_country", null),
        Succeeded, Failed,

        new ShardCheckpoints.Commit("shardId-000000000001", "49590338271490256608559692538361571095921575989136588898"),
        ShardCheckpoints.GetCheckpoints.Instance,
        new ShardCheckpoints.Checkpoints(new Dictionary<string, string> { ["shardId-000000000000"] = "1", ["shardId-000000000001"] = "22" }),
        new ShardCheckpoints.Checkpoints(new Dictionary<string, string>()),
        ShardCheckpoints.Flush.Instance,
        new ShardCheckpoints.Flushed(new Dictionary<string, string> { ["shardId-000000000000"] = "3" }),
        new ShardCheckpoints.ShardsCheckpointed(new Dictionary<string, string> { ["shardId-000000000002"] = "49590338271490256608559692538361571095921575989136588898" }),
        new ShardCheckpoints.CheckpointsSnapshot(new Dictionary<string, string>()),

        Shard,
        new GrantShard(Shard, StartsAtBeginning: true),
        new RevokeShard(new ShardKey("", "")),
        GetShardOwners.Instance,
        new ShardOwner(Shard, "akka.tcp://pipeline@pipeline-1.pipeline:4053"),
        new ShardOwners([new ShardOwner(Shard, "akka.tcp://pipeline@127.0.0.1:4053")]),
        new ShardOwners([]),
    ];

    /// <summary>Samples that carry an actor reference, which only a running actor system resolves.</summary>
    public static IReadOnlyList<object> Carrying(IActorRef host) =>
    [
        new ReaderHostReport(host, [Shard, new ShardKey("streaming-u1-geo", "shardId-000000000000")], []),
        new ReaderHostReport(host, [], [Shard]),
        new ShardReleased(host, Shard),
        new ShardEnded(host, Shard),
    ];
}
