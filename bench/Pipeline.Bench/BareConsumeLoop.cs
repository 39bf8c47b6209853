using System.Diagnostics;
using Confluent.Kafka;

namespace Pipeline.Bench;

/// <summary>The baseline of the Kafka-fed entries: a plain Confluent.Kafka poll loop that only
/// touches each record's bytes.</summary>
internal static class BareConsumeLoop
{
    /// <summary>Records per second from the first record to the last, reading
    /// <paramref name="expected"/> records; fails when the broker stops delivering before that.</summary>
    public static double Run(IConsumer<Ignore, byte[]> consumer, long expected)
    {
        var count = 0L;
        long bytes = 0;
        Stopwatch? clock = null;
        var idle = Stopwatch.StartNew();
        while (count < expected)
        {
            var result = consumer.Consume(TimeSpan.FromMilliseconds(100));
            if (result is null)
            {
                if (idle.Elapsed > TimeSpan.FromSeconds(30))
                    throw new InvalidOperationException($"Only {count:N0} of {expected:N0} records came back: the broker dropped some.");
                continue;
            }

            idle.Restart();
            clock ??= Stopwatch.StartNew();
            bytes += result.Message.Value.Length;
            count++;
        }

        var elapsed = clock!.Elapsed;
        consumer.Close();
        GC.KeepAlive(bytes);
        return (count - 1) / elapsed.TotalSeconds;
    }
}
