using Akka;
using Akka.Streams.Dsl;
using Pipeline.Actors.Records;

namespace Pipeline.Actors.Sources.Kafka;

/// <summary>
/// The handle a materialized <see cref="KafkaSource"/> returns: reports positions done (which the
/// source commits, batched), stops intake, drains and shuts the consumer down. Thread-safe.
/// </summary>
public sealed class KafkaControl
{
    private readonly KafkaConsumerThread _consumer;
    private readonly TimeSpan _drainTimeout;

    internal KafkaControl(KafkaConsumerThread consumer, TimeSpan drainTimeout)
    {
        _consumer = consumer;
        _drainTimeout = drainTimeout;
    }

    /// <summary>The id of the Kafka cluster, part of every position's <see cref="SourcePosition.Source"/>
    /// (<c>kafka:&lt;cluster id&gt;/&lt;topic&gt;</c>); null until the cluster answered.</summary>
    public string? ClusterId => _consumer.ClusterId;

    /// <summary>Completes when the consumer has closed (faulted if it failed).</summary>
    public Task Completion => _consumer.Completion;

    /// <summary>
    /// Reports that every consumer of the element at this position made it durable. The source
    /// commits offset + 1 of the highest position below which all delivered positions of that
    /// partition are done. Positions of other sources, of partitions this consumer no longer owns,
    /// or reported twice are ignored. Never blocks.
    /// </summary>
    public void MarkDone(SourcePosition position) => _consumer.ReportDone(position);

    /// <summary>
    /// Reports that this position and every position delivered before it in the same partition are
    /// done: for consumers that make whole windows durable at once and report the window's last position.
    /// </summary>
    public void MarkDoneThrough(SourcePosition position) => _consumer.ReportDoneThrough(position);

    /// <summary>A sink that reports every position it receives as done.</summary>
    public Sink<SourcePosition, NotUsed> Committer =>
        Flow.Create<SourcePosition>().To(Sink.ForEach<SourcePosition>(MarkDone));

    /// <summary>Stops intake: the source completes once records already buffered are emitted. The
    /// consumer stays in the group and keeps committing what is reported done until
    /// <see cref="DrainAndShutdown()"/>.</summary>
    public void Stop() => _consumer.Stop();

    /// <summary>Stops intake, waits until every record emitted has been reported done (or the
    /// configured drain timeout passed), commits, leaves the group and closes the consumer.</summary>
    public Task DrainAndShutdown() => DrainAndShutdown(_drainTimeout);

    public Task DrainAndShutdown(TimeSpan timeout) => _consumer.DrainAndShutdown(timeout);

    /// <summary>Assignment, positions and counters, as the consumer thread sees them.</summary>
    public Task<KafkaSourceStatus> StatusAsync() => _consumer.StatusAsync();
}
