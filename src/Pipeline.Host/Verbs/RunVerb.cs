using Akka.Actor;
using Akka.Hosting;
using Akka.Streams;
using Akka.Streams.Dsl;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Pipeline.Actors.Cleaning;
using Pipeline.Actors.Emulation;
using Pipeline.Host.Cli;
using Pipeline.Host.Configuration;

namespace Pipeline.Host.Verbs;

/// <summary><c>pipeline run</c>: starts the engine on its embedded default.</summary>
public sealed class RunVerb : IVerb
{
    public string Name => "run";

    public string Summary => "start the engine on its embedded default";

    public string Help => """
        Usage: pipeline run [--config FILE] [--seed N] [--posts N] [--rate N]

        Starts the engine: the actor system, the user-posting emulator as the source, and the
        cleaning stages. Progress (records/s and counts per outcome) is shown on stderr; Ctrl+C
        stops it gracefully and prints the final counts per reason.

          --config FILE  a HOCON file layered over the defaults in hocon/
          --seed N       seed of the emulated posts (default: pipeline.emulator.seed)
          --posts N      stop after N posts (default: run until stopped)
          --rate N       posts per second the emulator offers (default 100; 0 is as fast as possible)

        """;

    public async Task<int> RunAsync(IReadOnlyList<string> args, Terminal terminal, CancellationToken cancellation)
    {
        var arguments = Arguments.Parse(args, ["config", "seed", "posts", "rate"], []);
        var config = EngineConfig.Load(arguments.Text("config"));
        var emulator = EmulatorSettings.FromConfig(config);
        emulator = emulator with
        {
            Seed = arguments.Whole("seed") ?? emulator.Seed,
            Posts = arguments.Whole("posts", min: 1) ?? emulator.Posts,
        };
        var rate = arguments.Whole("rate", min: 0, max: 1_000_000) ?? 100;
        var progressInterval = config.GetTimeSpan("pipeline.run.progress-interval");

        var builder = Microsoft.Extensions.Hosting.Host.CreateApplicationBuilder();
        builder.Logging.ClearProviders();
        builder.Services.AddAkka("pipeline", akka => akka.AddHocon(config, HoconAddMode.Prepend));
        using var host = builder.Build();
        await host.StartAsync(cancellation);
        var system = host.Services.GetRequiredService<ActorSystem>();

        var tally = new CleaningTally();
        var records = UserPostingEmulator.RawRecords(emulator, TimeProvider.System);
        if (rate > 0)
            records = records.Throttle(checked((int)rate * 3), TimeSpan.FromSeconds(1), checked((int)rate * 3), ThrottleMode.Shaping);
        var (kill, done) = records
            .ViaMaterialized(KillSwitches.Single<Actors.Records.RawRecord>(), Keep.Right)
            .Via(CleaningFlow.Create())
            .ToMaterialized(Sink.ForEach<Actors.Records.Cleaned>(tally.Add), Keep.Both)
            .Run(system.Materializer());

        await terminal.Error.WriteLineAsync($"pipeline: running ({(emulator.Posts is { } n ? $"{n} posts" : "until Ctrl+C")}); cleaning emulated posts");
        await using (new Progress(terminal, progressInterval, () => Outcomes(tally)))
        {
            await using (cancellation.Register(kill.Shutdown))
                await done;
        }

        foreach (var line in tally.Lines())
            await terminal.Error.WriteLineAsync(line.ToString());
        await host.StopAsync(CancellationToken.None);
        return CommandLine.Ok;
    }

    /// <summary>Records cleaned so far and a one-line split of what became of them.</summary>
    private static (long Records, string Counts) Outcomes(CleaningTally tally)
    {
        var lines = tally.Lines();
        var clean = lines.Where(l => l.Kind == TallyKind.Clean).Sum(l => l.Count);
        var quarantined = lines.Where(l => l.Kind == TallyKind.Quarantined).Sum(l => l.Count);
        var nulled = lines.Where(l => l.Kind == TallyKind.FieldIssue).Sum(l => l.Count);
        return (clean + quarantined, $"{clean:N0} clean, {quarantined:N0} quarantined, {nulled:N0} fields nulled");
    }
}
