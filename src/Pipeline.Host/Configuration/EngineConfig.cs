using Akka.Configuration;
using Pipeline.Actors.Live;

namespace Pipeline.Host.Configuration;

/// <summary>
/// Loads the layered HOCON of <c>hocon/</c>: <c>pipeline.conf</c>, then each concern file, then the
/// journal choice, then an optional file of the user's; a later layer wins.
/// </summary>
public static class EngineConfig
{
    /// <summary>Concern files layered over pipeline.conf when present, in this order.</summary>
    private static readonly string[] ConcernLayers = ["emulator.conf", "kafka.conf", "kinesis.conf", "lake.conf", "live.conf", "cluster.conf", "serialization.conf"];

    /// <summary>The environment variable that holds the PostgreSQL journal's connection string.</summary>
    public const string PostgresConnectionVariable = "PIPELINE_POSTGRES_CONNECTION_STRING";

    /// <summary>The plugins persistence-postgres.conf points at the database.</summary>
    private static readonly string[] PostgresPlugins = ["akka.persistence.journal.sql", "akka.persistence.snapshot-store.sql"];

    /// <summary>The folder shipped beside the binary (the build copies hocon/ there).</summary>
    public static string DefaultFolder => Path.Combine(AppContext.BaseDirectory, "hocon");

    /// <param name="overlay">A HOCON file that overrides the defaults, or null.</param>
    /// <param name="journal">Which persistence layer to use: <c>sqlite</c> (default) or <c>postgres</c>.</param>
    /// <param name="postgresConnection">The PostgreSQL journal's connection string; by default
    /// <see cref="PostgresConnectionVariable"/>. A <c>--config</c> file's own keys win over it.</param>
    public static Config Load(string? overlay = null, string? journal = null, string? folder = null, string? postgresConnection = null)
    {
        folder ??= DefaultFolder;
        if (!File.Exists(Path.Combine(folder, "pipeline.conf")))
            throw new IOException($"configuration folder '{folder}' has no pipeline.conf");

        journal ??= Environment.GetEnvironmentVariable("PIPELINE_JOURNAL") ?? "sqlite";
        if (journal is not ("sqlite" or "postgres"))
            throw new IOException($"PIPELINE_JOURNAL must be sqlite or postgres, not '{journal}'");

        var layers = new List<string> { Path.Combine(folder, "pipeline.conf") };
        layers.AddRange(ConcernLayers.Select(name => Path.Combine(folder, name)).Where(File.Exists));
        var persistence = Path.Combine(folder, $"persistence-{journal}.conf");
        if (File.Exists(persistence))
            layers.Add(persistence);
        if (overlay is not null)
        {
            if (!File.Exists(overlay))
                throw new IOException($"configuration file '{overlay}' does not exist");
            layers.Add(overlay);
        }

        // The plugins' reference configuration (Akka.Persistence.Sql is not loaded automatically) lies under every layer.
        var config = LiveState.DefaultConfig;
        foreach (var layer in layers)
        {
            config = Parse(layer).WithFallback(config);
            if (layer == persistence && journal == "postgres")
                config = PostgresConnection(postgresConnection ?? Environment.GetEnvironmentVariable(PostgresConnectionVariable)).WithFallback(config);
        }

        if (journal == "postgres" && PostgresPlugins.Any(plugin => string.IsNullOrWhiteSpace(config.GetString($"{plugin}.connection-string"))))
            throw new IOException($"PIPELINE_JOURNAL=postgres needs a connection string: set {PostgresConnectionVariable} (e.g. Host=db;Database=pipeline;Username=pipeline;Password=...)");
        return config;
    }

    /// <summary>The connection string in the journal, read journal and snapshot plugins. The
    /// variable is read here rather than as a HOCON substitution, which Akka's parser does not
    /// resolve from the environment.</summary>
    private static Config PostgresConnection(string? connection)
    {
        if (string.IsNullOrWhiteSpace(connection))
            return Config.Empty;
        var quoted = '"' + connection.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal) + '"';
        return ConfigurationFactory.ParseString(string.Join('\n', PostgresPlugins.Append("akka.persistence.query.journal.sql").Select(plugin => $"{plugin}.connection-string = {quoted}")));
    }

    private static Config Parse(string path)
    {
        try
        {
            return ConfigurationFactory.ParseString(File.ReadAllText(path));
        }
        catch (Exception e) when (e is not IOException)
        {
            throw new IOException($"configuration file '{path}' is not valid HOCON: {e.Message}", e);
        }
    }
}
