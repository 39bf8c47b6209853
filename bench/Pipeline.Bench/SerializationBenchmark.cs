using Akka.Actor;
using Akka.Serialization;
using Pipeline.Actors.Assembly;
using Pipeline.Actors.Checkpoints;
using Pipeline.Actors.Leaderboards;
using Pipeline.Actors.Profiles;
using Pipeline.Actors.Serialization;

namespace Pipeline.Bench;

/// <summary>
/// The engine's serializer against Akka's default (Newtonsoft JSON of the CLR types, which the
/// engine no longer falls back to) on the same live-path messages, built from the real rows: bytes
/// per message and messages per second for a write plus a read.
/// </summary>
internal sealed class SerializationBenchmark : IBenchmark
{
    public string Name => "serialization";

    public string Description => "PipelineSerializer vs Akka's default JSON serializer on live-path messages from the real rows: bytes and write+read rate";

    public void Run(TextWriter output)
    {
        using var system = ActorSystem.Create("bench", SerializationDefaults.Config);
        var pipeline = (SerializerWithStringManifest)system.Serialization.FindSerializerForType(typeof(AssembleRecords));
        var json = new NewtonSoftJsonSerializer((ExtendedActorSystem)system);

        var cleaned = LivePathMessages.CleanedRealRows();
        var changes = LivePathMessages.Changes(cleaned);
        (string Name, IReadOnlyList<object> Messages)[] workloads =
        [
            .. LivePathMessages.Batches(cleaned, changes),
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
