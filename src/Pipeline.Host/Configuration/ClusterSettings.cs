using System.Globalization;
using Akka.Actor;
using Akka.Configuration;

namespace Pipeline.Host.Configuration;

/// <summary>
/// This node's place in the cluster (hocon/cluster.conf documents each key): its roles, the seed
/// nodes it joins through, the address it is reached at, and how long a graceful leave may take.
/// The environment wins over the files: <c>PIPELINE_ROLES</c>, <c>PIPELINE_SEEDS</c>,
/// <c>PIPELINE_HOSTNAME</c>, <c>PIPELINE_PORT</c>.
/// </summary>
/// <param name="Roles">A subset of <see cref="AllRoles"/>, never empty.</param>
/// <param name="SeedNodes">Full addresses (<c>akka.tcp://pipeline@host:port</c>); empty: the node joins itself.</param>
/// <param name="PublicHostname">The name other nodes reach this one at, when set from the environment.</param>
/// <param name="Port">The remoting port, when set from the environment.</param>
/// <param name="DrainTimeout">The <c>service-requests-done</c> phase's timeout: the longest the drain may take.</param>
/// <param name="LeaveTimeout">The sum of every shutdown phase's timeout: the longest a graceful leave may take.</param>
public sealed record ClusterSettings(
    IReadOnlySet<string> Roles,
    IReadOnlyList<string> SeedNodes,
    string? PublicHostname,
    int? Port,
    TimeSpan DrainTimeout,
    TimeSpan LeaveTimeout)
{
    /// <summary>Runs the sources, the lake sink, HTTP ingest and the history job.</summary>
    public const string Ingest = "ingest";

    /// <summary>Hosts the shard regions of live state.</summary>
    public const string State = "state";

    /// <summary>Serves the HTTP query API.</summary>
    public const string Api = "api";

    public const string RolesVariable = "PIPELINE_ROLES";
    public const string SeedsVariable = "PIPELINE_SEEDS";
    public const string HostnameVariable = "PIPELINE_HOSTNAME";
    public const string PortVariable = "PIPELINE_PORT";

    /// <summary>The name of the actor system, part of every node's address.</summary>
    public const string SystemName = "pipeline";

    public static IReadOnlyList<string> AllRoles { get; } = [Ingest, State, Api];

    public bool Has(string role) => Roles.Contains(role);

    public static ClusterSettings FromConfig(Config config) => FromConfig(config, Environment.GetEnvironmentVariable);

    /// <param name="environment">Reads an environment variable (tests pass their own).</param>
    public static ClusterSettings FromConfig(Config config, Func<string, string?> environment)
    {
        var roles = NonEmpty(environment(RolesVariable)) is { } rolesText
            ? Validated(rolesText.Split(','), RolesVariable)
            : Validated(config.GetStringList("pipeline.cluster.roles"), "pipeline.cluster.roles");
        var seeds = NonEmpty(environment(SeedsVariable)) is { } seedsText
            ? seedsText.Split(',').Select(seed => SeedAddress(seed.Trim(), SeedsVariable)).ToList()
            : config.GetStringList("akka.cluster.seed-nodes").Select(seed => SeedAddress(seed, "akka.cluster.seed-nodes")).ToList();
        var hostname = NonEmpty(environment(HostnameVariable));
        int? port = NonEmpty(environment(PortVariable)) is { } portText
            ? int.TryParse(portText, NumberStyles.None, CultureInfo.InvariantCulture, out var number) && number <= 65535
                ? number
                : throw new ConfigurationException($"{PortVariable} must be a port number from 0 to 65535, not '{portText}'")
            : null;
        // Akka's reference configuration defines every shutdown phase; the files change some timeouts.
        var shutdown = config.WithFallback(ConfigurationFactory.Default());
        return new ClusterSettings(roles, seeds, hostname, port, PhaseTimeout(shutdown, "service-requests-done"), SumOfPhaseTimeouts(shutdown));
    }

    /// <summary>The Akka keys this node's settings decide, to layer over the configuration files.</summary>
    public Config AkkaOverrides()
    {
        var hocon = new List<string>
        {
            $"akka.cluster.roles = [{string.Join(", ", Roles.Select(Quoted))}]",
            $"akka.cluster.seed-nodes = [{string.Join(", ", SeedNodes.Select(Quoted))}]",
        };
        if (PublicHostname is not null)
        {
            // Advertise the stable name; listen on every interface, since that name may not resolve
            // to this pod yet when it starts (the headless Service publishes it asynchronously).
            hocon.Add($"akka.remote.dot-netty.tcp.public-hostname = {Quoted(PublicHostname)}");
            hocon.Add("akka.remote.dot-netty.tcp.hostname = \"0.0.0.0\"");
        }

        if (Port is { } port)
            hocon.Add($"akka.remote.dot-netty.tcp.port = {port.ToString(CultureInfo.InvariantCulture)}");
        return ConfigurationFactory.ParseString(string.Join('\n', hocon));
    }

    private static HashSet<string> Validated(IEnumerable<string> names, string source)
    {
        var roles = new HashSet<string>(StringComparer.Ordinal);
        foreach (var name in names.Select(n => n.Trim()).Where(n => n.Length > 0))
        {
            if (!AllRoles.Contains(name))
                throw new ConfigurationException($"{source}: unknown role '{name}'; the roles are {string.Join(", ", AllRoles)}");
            roles.Add(name);
        }

        if (roles.Count == 0)
            throw new ConfigurationException($"{source} names no role; give one or more of {string.Join(", ", AllRoles)}");
        return roles;
    }

    /// <summary>A seed as a full address: <c>host:port</c> becomes <c>akka.tcp://pipeline@host:port</c>.</summary>
    private static string SeedAddress(string seed, string source)
    {
        var text = seed.Contains("://", StringComparison.Ordinal) ? seed : $"akka.tcp://{SystemName}@{seed}";
        Address address;
        try
        {
            address = Address.Parse(text);
        }
        catch (Exception e) when (e is not ConfigurationException)
        {
            throw new ConfigurationException($"{source}: '{seed}' is neither host:port nor akka.tcp://{SystemName}@host:port");
        }

        if (address.Protocol != "akka.tcp" || address.System != SystemName || address.Host is null || address.Port is not (> 0 and <= 65535))
            throw new ConfigurationException($"{source}: '{seed}' is neither host:port nor akka.tcp://{SystemName}@host:port");
        return address.ToString();
    }

    private static TimeSpan SumOfPhaseTimeouts(Config config) =>
        config.GetConfig("akka.coordinated-shutdown.phases").AsEnumerable()
            .Select(phase => phase.Key.Split('.')[0])
            .Distinct(StringComparer.Ordinal)
            .Aggregate(TimeSpan.Zero, (sum, phase) => sum + PhaseTimeout(config, phase));

    private static TimeSpan PhaseTimeout(Config config, string phase)
    {
        var key = $"akka.coordinated-shutdown.phases.{phase}.timeout";
        return config.HasPath(key) ? config.GetTimeSpan(key) : config.GetTimeSpan("akka.coordinated-shutdown.default-phase-timeout");
    }

    private static string? NonEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    private static string Quoted(string value) => $"\"{value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal)}\"";
}
