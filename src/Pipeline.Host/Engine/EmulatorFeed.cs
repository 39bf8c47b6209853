using System.Diagnostics;
using System.Text;
using Pipeline.Actors.Emulation;
using Pipeline.Actors.Sources.Kafka;

namespace Pipeline.Host.Engine;

/// <summary>
/// Posts emulated posts into the engine's own Kafka topics (<c>&lt;prefix&gt;.pin|geo|user</c>), at a
/// steady rate, as users would; for <c>pipeline run --emulate</c>.
/// </summary>
public static class EmulatorFeed
{
    /// <summary>The prefix the emulated user posts under, as the original clients used their user id.</summary>
    public const string Prefix = "emulator";

    /// <param name="postsPerSecond">0 posts as fast as Kafka acknowledges.</param>
    /// <param name="produced">Called with each record once Kafka acknowledged it.</param>
    public static async Task RunAsync(EmulatorSettings settings, KafkaConnection kafka, KafkaRecordProducer producer,
        long postsPerSecond, Action produced, CancellationToken cancellation)
    {
        foreach (var table in Enum.GetValues<Actors.Records.Table>())
            kafka.EnsureTopic(KafkaTopics.Name(Prefix, table));

        var clock = Stopwatch.StartNew();
        var posted = 0L;
        var inFlight = new List<Task>();
        foreach (var post in UserPostingEmulator.Posts(settings, TimeProvider.System))
        {
            cancellation.ThrowIfCancellationRequested();
            foreach (var (table, json) in post.Records())
            {
                inFlight.Add(producer.ProduceAsync(Prefix, table, Encoding.UTF8.GetBytes(json), cancellationToken: cancellation)
                    .ContinueWith(_ => produced(), cancellation, TaskContinuationOptions.OnlyOnRanToCompletion, TaskScheduler.Default));
            }

            posted++;
            if (inFlight.Count >= 3_000)
            {
                await Task.WhenAll(inFlight);
                inFlight.Clear();
            }

            if (postsPerSecond > 0)
            {
                var due = TimeSpan.FromSeconds((double)posted / postsPerSecond) - clock.Elapsed;
                if (due > TimeSpan.Zero)
                    await Task.Delay(due, cancellation);
            }
        }

        await Task.WhenAll(inFlight);
    }
}
