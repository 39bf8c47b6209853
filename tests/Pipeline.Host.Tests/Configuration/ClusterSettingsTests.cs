using Akka.Configuration;
using Pipeline.Host.Configuration;
using Xunit;

namespace Pipeline.Host.Tests.Configuration;

public class ClusterSettingsTests
{
    private static readonly Config Defaults = EngineConfig.Load(journal: "sqlite");

    private static ClusterSettings FromEnvironment(params (string Name, string Value)[] variables) =>
        ClusterSettings.FromConfig(Defaults, name => variables.FirstOrDefault(v => v.Name == name).Value);

    [Fact]
    public void By_default_a_node_has_every_role_and_joins_itself_on_4053()
    {
        var settings = FromEnvironment();

        Assert.Equal(["api", "ingest", "state"], settings.Roles.Order(StringComparer.Ordinal));
        Assert.Equal(["akka.tcp://pipeline@127.0.0.1:4053"], settings.SeedNodes);
        Assert.Null(settings.PublicHostname);
        Assert.Null(settings.Port);
    }

    [Fact]
    public void PIPELINE_ROLES_picks_the_roles_and_wins_over_the_files()
    {
        var settings = FromEnvironment(("PIPELINE_ROLES", " api , state "));
        var overrides = settings.AkkaOverrides();

        Assert.Equal(["api", "state"], settings.Roles.Order(StringComparer.Ordinal));
        Assert.False(settings.Has(ClusterSettings.Ingest));
        Assert.Equal(["api", "state"], overrides.GetStringList("akka.cluster.roles").Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Roles_come_from_pipeline_cluster_roles_without_the_environment()
    {
        var config = ConfigurationFactory.ParseString("pipeline.cluster.roles = [state]").WithFallback(Defaults);

        var settings = ClusterSettings.FromConfig(config, _ => null);

        Assert.Equal(["state"], settings.Roles);
    }

    [Theory]
    [InlineData("ingest,stat")]
    [InlineData("API")]
    [InlineData(" , ")]
    public void An_unknown_or_missing_role_is_refused_with_the_known_ones(string roles)
    {
        var error = Assert.Throws<ConfigurationException>(() => FromEnvironment(("PIPELINE_ROLES", roles)));

        Assert.Contains("PIPELINE_ROLES", error.Message);
        Assert.Contains("ingest, state, api", error.Message);
    }

    [Fact]
    public void PIPELINE_SEEDS_takes_host_port_pairs_and_full_addresses_in_order()
    {
        var settings = FromEnvironment(("PIPELINE_SEEDS",
            "pipeline-0.pipeline.ns.svc.cluster.local:4053, akka.tcp://pipeline@pipeline-1.pipeline.ns.svc.cluster.local:4053"));

        Assert.Equal(
            ["akka.tcp://pipeline@pipeline-0.pipeline.ns.svc.cluster.local:4053", "akka.tcp://pipeline@pipeline-1.pipeline.ns.svc.cluster.local:4053"],
            settings.SeedNodes);
        Assert.Equal(settings.SeedNodes, settings.AkkaOverrides().GetStringList("akka.cluster.seed-nodes"));
    }

    [Theory]
    [InlineData("pipeline-0")]
    [InlineData("pipeline-0:port")]
    [InlineData("akka.tcp://other@pipeline-0:4053")]
    [InlineData("akka.udp://pipeline@pipeline-0:4053")]
    public void A_seed_that_is_not_an_address_of_the_pipeline_system_is_refused(string seed)
    {
        var error = Assert.Throws<ConfigurationException>(() => FromEnvironment(("PIPELINE_SEEDS", seed)));

        Assert.Contains($"'{seed}'", error.Message);
    }

    [Fact]
    public void PIPELINE_HOSTNAME_is_advertised_and_the_node_listens_everywhere_on_PIPELINE_PORT()
    {
        var settings = FromEnvironment(("PIPELINE_HOSTNAME", "pipeline-1.pipeline.ns.svc.cluster.local"), ("PIPELINE_PORT", "4100"));
        var akka = settings.AkkaOverrides().WithFallback(Defaults);

        Assert.Equal("pipeline-1.pipeline.ns.svc.cluster.local", akka.GetString("akka.remote.dot-netty.tcp.public-hostname"));
        Assert.Equal("0.0.0.0", akka.GetString("akka.remote.dot-netty.tcp.hostname"));
        Assert.Equal(4100, akka.GetInt("akka.remote.dot-netty.tcp.port"));
    }

    [Fact]
    public void Without_the_environment_the_files_keep_hostname_and_port()
    {
        var akka = FromEnvironment().AkkaOverrides().WithFallback(Defaults);

        Assert.Equal("127.0.0.1", akka.GetString("akka.remote.dot-netty.tcp.hostname"));
        Assert.Equal(4053, akka.GetInt("akka.remote.dot-netty.tcp.port"));
    }

    [Theory]
    [InlineData("65536")]
    [InlineData("-1")]
    [InlineData("http")]
    public void A_port_out_of_range_is_refused(string port)
    {
        Assert.Throws<ConfigurationException>(() => FromEnvironment(("PIPELINE_PORT", port)));
    }

    [Fact]
    public void A_leave_may_take_the_sum_of_every_shutdown_phase_and_the_drain_its_own_phase()
    {
        var settings = FromEnvironment();
        // 12 phases of Akka's reference configuration: cluster.conf gives 5 of them their own timeout
        // (5 + 40 + 10 + 10 + 10 s) and the 7 others the default of 5 s.
        Assert.Equal(TimeSpan.FromSeconds(40), settings.DrainTimeout);
        Assert.Equal(TimeSpan.FromSeconds(110), settings.LeaveTimeout);

        var longer = ClusterSettings.FromConfig(
            ConfigurationFactory.ParseString("akka.coordinated-shutdown.phases.service-stop.timeout = 25s").WithFallback(Defaults), _ => null);
        Assert.Equal(TimeSpan.FromSeconds(130), longer.LeaveTimeout);
    }
}
