using Akka.Actor;
using Akka.Configuration;
using Akka.Cluster;
using Akka.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Pipeline.Actors.Live;
using Pipeline.Host.Engine;
using Pipeline.Host.Health;
using Xunit;

namespace Pipeline.Host.Tests.Health;

/// <summary>The health endpoints over a real cluster node and Kestrel socket, driven through the
/// engine's lifecycle: ready only while joined, Up, started and not draining; live until the actor
/// system stops.</summary>
public sealed class HealthEndpointsTests : IAsyncLifetime
{
    private readonly EngineLifecycle _lifecycle = new();
    private WebApplication? _app;
    private HttpClient _http = null!;

    public Task InitializeAsync() => StartAsync("akka.persistence.journal.inmem", "");

    /// <param name="journalHocon">Configuration of the journal plugin, when it needs any.</param>
    private async Task StartAsync(string journalPlugin, string journalHocon)
    {
        if (_app is not null)
            await DisposeAsync();
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Services.AddHealthChecks();
        builder.Services.AddAkka("pipeline", akka =>
        {
            akka.AddHocon(ConfigurationFactory.ParseString($$"""
                akka.loglevel = OFF
                akka.actor.provider = cluster
                akka.remote.dot-netty.tcp { hostname = "127.0.0.1", port = 0 }
                akka.coordinated-shutdown { exit-clr = off, run-by-clr-shutdown-hook = off }
                {{journalHocon}}
                """).WithFallback(LiveState.DefaultConfig), HoconAddMode.Prepend);
            akka.WithEngineHealthChecks(_lifecycle, journalPlugin);
        });
        _app = builder.Build();
        _app.MapHealth();
        await _app.StartAsync();
        var address = _app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        _http = new HttpClient { BaseAddress = new Uri(address) };
    }

    private async Task JoinAndStartAsync()
    {
        var cluster = Cluster.Get(_app!.Services.GetRequiredService<ActorSystem>());
        var up = new TaskCompletionSource();
        cluster.RegisterOnMemberUp(() => up.TrySetResult());
        await cluster.JoinAsync(cluster.SelfAddress);
        await up.Task.WaitAsync(TimeSpan.FromSeconds(30));
        _lifecycle.Started();
    }

    public async Task DisposeAsync()
    {
        _http.Dispose();
        await _app!.DisposeAsync();
    }

    private async Task<int> Status(string path) => (int)(await _http.GetAsync(path)).StatusCode;

    [Fact]
    public async Task Ready_only_between_joining_as_Up_with_the_engine_started_and_the_first_shutdown_phase()
    {
        var system = _app!.Services.GetRequiredService<ActorSystem>();
        Assert.Equal(200, await Status("/healthz/live"));
        Assert.Equal(503, await Status("/healthz/ready"));

        var cluster = Cluster.Get(system);
        var up = new TaskCompletionSource();
        cluster.RegisterOnMemberUp(() => up.TrySetResult());
        await cluster.JoinAsync(cluster.SelfAddress);
        await up.Task.WaitAsync(TimeSpan.FromSeconds(30));
        Assert.Equal(503, await Status("/healthz/ready"));

        _lifecycle.Started();
        Assert.Equal(200, await Status("/healthz/ready"));

        _lifecycle.BeginDraining();
        Assert.Equal(503, await Status("/healthz/ready"));
        Assert.Equal(200, await Status("/healthz/live"));

        await CoordinatedShutdown.Get(system).Run(CoordinatedShutdown.ClrExitReason.Instance);
        Assert.Equal(503, await Status("/healthz/live"));
    }

    [Fact]
    public async Task A_started_engine_is_not_ready_before_its_node_joined()
    {
        _lifecycle.Started();

        var ready = await _http.GetAsync("/healthz/ready");

        Assert.Equal(503, (int)ready.StatusCode);
        Assert.Equal("Unhealthy", await ready.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_journal_whose_database_cannot_be_read_keeps_the_node_unready()
    {
        await StartAsync("akka.persistence.journal.sql", """
            akka.persistence.journal.sql {
              provider-name = "SQLite.MS"
              connection-string = "Data Source=/nonexistent-pipeline-folder/journal.db"
              auto-initialize = off
            }
            """);
        await JoinAndStartAsync();

        var ready = await _http.GetAsync("/healthz/ready");

        Assert.Equal(503, (int)ready.StatusCode);
        Assert.Equal(200, await Status("/healthz/live"));
    }
}
