using System.Globalization;
using Akka.Actor;
using Akka.Serialization;
using Pipeline.Actors.Assembly;
using Pipeline.Actors.Checkpoints;
using Pipeline.Actors.Cleaning;
using Pipeline.Actors.Leaderboards;
using Pipeline.Actors.Profiles;
using Pipeline.Actors.Records;
using Pipeline.Actors.Serialization;

namespace Pipeline.Bench;

/// <summary>
/// The engine's serializer against Akka's default (Newtonsoft JSON of the CLR types, which the
/// engine no longer falls back to) on the same live-path messages, built from the real rows: bytes
/// per message and messages per second for a write plus a read.
/// </summary>
internal sealed class SerializationBenchmark : IBenchmark
{
    private const int RecordsPerAssemble = 32;
    private const int ChangesPerApply = 8;

    public string Name => "serialization";

    public string Description => "PipelineSerializer vs Akka's default JSON serializer on live-path messages from the real rows: bytes and write+read rate";

    public void Run(TextWriter output)
    {
        using var system = ActorSystem.Create("bench", SerializationDefaults.Config);
        var pipeline = (SerializerWithStringManifest)system.Serialization.FindSerializerForType(typeof(AssembleRecords));
        var json = new NewtonSoftJsonSerializer((ExtendedActorSystem)system);

        var cleaned = CleanedRealRows();
        var changes = Changes(cleaned);
        (string Name, IReadOnlyList<object> Messages)[] workloads =
        [
            ($"AssembleRecords ({RecordsPerAssemble} records)", cleaned.Chunk(RecordsPerAssemble).Select(chunk => (object)new AssembleRecords(chunk)).ToList()),
            ($"ApplyPostChanges ({ChangesPerApply} changes)", changes.Chunk(ChangesPerApply).Select(chunk => (object)new ApplyPostChanges(chunk[0].Bucket, chunk, chunk[0].Sequence - 1)).ToList()),
            ("replies and requests (standing, board update, checkpoint, profile query)", SmallMessages(changes)),
        ];

        output.WriteLine($"{"messages",-72} {"serializer",-10} {"bytes/msg",10} {"msg/s cpu",11} {"msg/s wall",11} {"json reads back",16}");
        foreach (var (name, messages) in workloads)
        {
            var pipelineBytes = messages.Select(message => pipeline.ToBinary(message)).ToList();
            var jsonBytes = messages.Select(message => json.ToBinary(message)).ToList();
            var manifests = messages.Select(pipeline.Manifest).ToList();
            var rates = Throughput.Measure(messages.Count,
            [
                () =>
                {
                    for (var i = 0; i < messages.Count; i++)
                        pipeline.FromBinary(pipeline.ToBinary(messages[i]), manifests[i]);
                },
                () =>
                {
                    foreach (var message in messages)
                        json.FromBinary(json.ToBinary(message), message.GetType());
                },
            ]);
            // Whether JSON reproduces the message: read back, it must write the same engine bytes.
            var jsonFaithful = messages.Select((message, i) => pipeline.ToBinary(json.FromBinary(jsonBytes[i], message.GetType())).SequenceEqual(pipelineBytes[i])).All(same => same);
            var (binarySize, jsonSize) = (pipelineBytes.Average(bytes => bytes.Length), jsonBytes.Average(bytes => bytes.Length));
            output.WriteLine($"{name,-72} {"pipeline",-10} {binarySize,10:N0} {rates[0].PerCpuSecond,11:N0} {rates[0].PerWallSecond,11:N0}");
            output.WriteLine($"{"",-72} {"json",-10} {jsonSize,10:N0} {rates[1].PerCpuSecond,11:N0} {rates[1].PerWallSecond,11:N0} {(jsonFaithful ? "yes" : "NO"),16}");
            output.WriteLine($"{"",-72} {"ratio",-10} {jsonSize / binarySize,9:F1}x {rates[0].PerCpuSecond / rates[1].PerCpuSecond,10:F1}x {rates[0].PerWallSecond / rates[1].PerWallSecond,10:F1}x   (json / pipeline size, pipeline / json rate)");
        }

        output.WriteLine("Rates are best of 5 interleaved rounds; the machine is shared with other work, so compare the ratios, not the absolute figures.");
        system.Terminate().Wait();
    }

    /// <summary>Every real row cleaned, at its own offset and arrival second.</summary>
    private static List<CleanedRecord> CleanedRealRows() =>
        RealRows.All()
            .Select((raw, i) => raw with { Position = new SourcePosition("kafka:bench/u1." + raw.Table.Name(), "0", i.ToString(CultureInfo.InvariantCulture), DateTimeOffset.UnixEpoch.AddSeconds(i)) })
            .Select(RecordCleaner.Clean)
            .OfType<CleanedRecord>()
            .ToList();

    /// <summary>The posts the rows make, each as the change a bucket emits when it completes.</summary>
    private static List<PostChange> Changes(List<CleanedRecord> cleaned) =>
        cleaned.GroupBy(record => record.Record.Ind)
            .Select((post, sequence) =>
            {
                var assembled = post.Aggregate(new AssembledPost(post.Key, post.Max(record => record.Position.ArrivalTime), null, null, null), (current, record) => current.With(record.Record));
                return new PostChange((int)(post.Key % 64), sequence + 1, null, assembled);
            })
            .ToList();

    private static List<object> SmallMessages(List<PostChange> changes) =>
        changes.SelectMany(change =>
        {
            var poster = change.Current.PosterName ?? "unknown";
            // Lists, not single-element collection expressions: JSON cannot recreate the compiler's
            // own single-element list type, so such a message would not even read back.
            var standing = new ProfileStanding(poster, change.Sequence, change.Current.FollowerCount, change.Sequence * 0.5, 1, new List<BoardMembership> { new(BoardIds.Profiles, true) });
            return new object[]
            {
                standing,
                new UpdateProfileBoard(new List<ProfileStanding> { standing }),
                new CheckpointPersisted($"profile-{poster}"),
                new GetProfile(poster, change.Current.ArrivalTime),
            };
        }).ToList();
}
