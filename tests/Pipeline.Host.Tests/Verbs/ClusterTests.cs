using System.Net;
using System.Text.Json;
using Xunit;

namespace Pipeline.Host.Tests.Verbs;

/// <summary>Real <c>pipeline run</c> processes on 127.0.0.1 forming a cluster through
/// <c>PIPELINE_SEEDS</c>, with their roles from <c>PIPELINE_ROLES</c>, and their health endpoints.</summary>
public class ClusterTests
{
    [Fact]
    public async Task An_api_node_is_live_at_once_ready_once_it_joined_and_answers_from_the_entities_on_a_state_node()
    {
        var statePort = RunningEngine.FreePort();
        var seeds = $"127.0.0.1:{statePort}";
        await using var api = RunningEngine.StartProcess(new Dictionary<string, string>
        {
            ["PIPELINE_ROLES"] = "api",
            ["PIPELINE_SEEDS"] = seeds,
            ["PIPELINE_PORT"] = "0",
        });

        // Its only seed is not up yet: the actor system runs, but the node has not joined.
        await api.Eventually(async () => await api.StatusOf("/healthz/live") == 200 ? "live" : null);
        Assert.Equal(503, await api.StatusOf("/healthz/ready"));
        Assert.Equal(503, await api.StatusOf("/api/leaderboards/profiles"));

        await using var state = RunningEngine.StartProcess(new Dictionary<string, string>
        {
            ["PIPELINE_ROLES"] = "state,ingest",
            ["PIPELINE_SEEDS"] = seeds,
            ["PIPELINE_PORT"] = statePort.ToString(),
        });
        await state.Eventually(async () => await state.StatusOf("/healthz/ready") == 200 ? "ready" : null);
        await api.Eventually(async () => await api.StatusOf("/healthz/ready") == 200 ? "ready" : null);

        var posted = await VerbRun.Of("emulate", "--seed", "5", "--posts", "60", "--rate", "0", "--malformed-rate", "0", "--target", state.Address);
        Assert.Equal(0, posted.ExitCode);
        await state.WhenProcessed(180);
        await state.WhenCommitted();

        // The api node hosts no entity and has no journal: it asks the state node's entities
        // through shard region proxies.
        using var board = JsonDocument.Parse(await api.Http.GetStringAsync("/api/leaderboards/profiles?top=3"));
        var leader = board.RootElement.GetProperty("profiles")[0];
        var name = leader.GetProperty("poster_name").GetString()!;
        using var profile = JsonDocument.Parse(await api.Http.GetStringAsync($"/api/profiles/{Uri.EscapeDataString(name)}"));
        Assert.Equal(name, profile.RootElement.GetProperty("poster_name").GetString());
        Assert.Equal(leader.GetProperty("posts").GetInt32(), profile.RootElement.GetProperty("posts").GetInt32());
        Assert.True(profile.RootElement.GetProperty("posts").GetInt32() >= 1);
        Assert.False(File.Exists(Path.Combine(api.Folder!, "journal.db")));
        Assert.True(File.Exists(Path.Combine(state.Folder!, "journal.db")));

        // Each node serves only what its roles give it.
        Assert.Equal(HttpStatusCode.NotFound, (await api.Http.PostAsync("/topics/u1.pin", new StringContent("{}"))).StatusCode);
        Assert.Equal(404, await api.StatusOf("/api/status"));
        Assert.Equal(404, await state.StatusOf($"/api/profiles/{Uri.EscapeDataString(name)}"));

        Assert.Equal(0, await api.StopAsync());
        Assert.Equal(0, await state.StopAsync());
        Assert.Contains("pin clean ", state.Error);
    }

    [Fact]
    public async Task An_unknown_role_stops_the_run_with_one_line_and_exit_1()
    {
        using var folder = new EngineFolder("pipeline.cluster.roles = [ingest, storage]");

        var run = await VerbRun.Of("run", "--urls", "http://127.0.0.1:0", "--config", folder.Config);

        Assert.Equal(1, run.ExitCode);
        Assert.Equal("pipeline run: pipeline.cluster.roles: unknown role 'storage'; the roles are ingest, state, api" + Environment.NewLine, run.Error);
    }
}
