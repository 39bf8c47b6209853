using Akka;
using Akka.Actor;
using Akka.Streams;
using Akka.Streams.Dsl;
using Pipeline.Actors.Cleaning;
using Pipeline.Actors.Live;
using Pipeline.Actors.Records;

namespace Pipeline.Actors.Tests.Live;

/// <summary>Runs records through <see cref="LiveState.Flow"/> on a started system and reads the results.</summary>
internal sealed class LiveRun(ActorSystem system, LiveRegions regions)
{
    public LiveRegions Regions => regions;

    public LiveStateSettings Settings { get; } = LiveStateSettings.FromConfig(system.Settings.Config);

    public ArrivalClock Clock { get; } = new();

    public LiveQueries Queries => new(regions, Settings, Clock);

    /// <summary>Streams <paramref name="input"/> to the end; returns the positions released for commit, in order.</summary>
    public async Task<IReadOnlyList<SourcePosition>> RunAsync(IEnumerable<Cleaned> input) =>
        await Source.From(input)
            .Via(LiveState.Flow(regions, Settings, Clock))
            .RunWith(Sink.Seq<SourcePosition>(), system.Materializer());

    /// <summary>Streams raw records through cleaning and live state, as an engine does with a source.</summary>
    public async Task<IReadOnlyList<SourcePosition>> RunAsync(Source<RawRecord, NotUsed> input) =>
        await input
            .Via(CleaningFlow.Create())
            .Via(LiveState.Flow(regions, Settings, Clock))
            .RunWith(Sink.Seq<SourcePosition>(), system.Materializer());

    public async Task<IReadOnlyList<MetricTable>> MetricsAsync()
    {
        var queries = Queries;
        var tables = new List<MetricTable>();
        foreach (var name in queries.MetricNames)
            tables.Add((await queries.MetricAsync(name))!);
        return tables;
    }
}
