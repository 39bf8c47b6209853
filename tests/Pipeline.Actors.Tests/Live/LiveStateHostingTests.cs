using Akka.Actor;
using Akka.Cluster;
using Akka.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Pipeline.Actors.Checkpoints;
using Pipeline.Actors.Live;
using Pipeline.Actors.Records;
using Xunit;
using static Pipeline.Actors.Tests.Live.TestRecords;

namespace Pipeline.Actors.Tests.Live;

public class LiveStateHostingTests
{
    [Fact]
    public async Task The_hosted_regions_run_the_stage_and_answer_queries()
    {
        var database = LiveTestSystem.NewDatabasePath();
        var config = LiveTestSystem.Config(database);
        var settings = LiveStateSettings.FromConfig(config);
        // No generic host package in the tests: the service collection and its hosted services
        // are what a host would start.
        var services = new ServiceCollection().AddLogging().AddSingleton<IHostApplicationLifetime, ApplicationLifetime>();
        services.AddAkka("pipeline", (builder, _) => builder
            .AddHocon(config, HoconAddMode.Prepend)
            .AddSetup(SqliteJournalFile.Setup($"Data Source={database}"))
            .WithLiveState(settings)
            .AddStartup((system, _) => Cluster.Get(system).Join(Cluster.Get(system).SelfAddress)));
        await using var provider = services.BuildServiceProvider();
        var hosted = provider.GetServices<IHostedService>().ToList();
        foreach (var service in hosted)
            await service.StartAsync(CancellationToken.None);
        try
        {
            var system = provider.GetRequiredService<ActorSystem>();
            var run = new LiveRun(system, LiveStateHosting.RegionsFrom(provider.GetRequiredService<ActorRegistry>()));
            ICleanRecord[] post = [Pin(1, "ann", 10, "art"), Geo(1, "Chad", Year(2020)), User(1, "Ann", 30, Year(2016))];

            var positions = await run.RunAsync(post.Select((record, offset) => (Cleaned)TestRecords.Cleaned(record, At(offset, TimeSpan.FromSeconds(offset)))));

            Assert.Equal("2", Assert.Single(positions).Offset);
            var table = await run.Queries.MetricAsync(MetricNames.CategoryByCountry);
            Assert.Equal(["Chad", "art", 1L], Assert.Single(table!.Rows));
        }
        finally
        {
            foreach (var service in hosted)
                await service.StopAsync(CancellationToken.None);
            File.Delete(database);
        }
    }

    /// <summary>The lifetime a generic host would provide; Akka.Hosting stops it when the actor system ends.</summary>
    private sealed class ApplicationLifetime : IHostApplicationLifetime
    {
        private readonly CancellationTokenSource _stopping = new();

        public CancellationToken ApplicationStarted => CancellationToken.None;

        public CancellationToken ApplicationStopping => _stopping.Token;

        public CancellationToken ApplicationStopped => CancellationToken.None;

        public void StopApplication() => _stopping.Cancel();
    }
}
