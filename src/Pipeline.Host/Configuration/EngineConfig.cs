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

    /// <summary>The folder shipped beside the binary (the build copies hocon/ there).</summary>
    public static string DefaultFolder => Path.Combine(AppContext.BaseDirectory, "hocon");

    /// <param name="overlay">A HOCON file that overrides the defaults, or null.</param>
    /// <param name="journal">Which persistence layer to use: <c>sqlite</c> (default) or <c>postgres</c>.</param>
    public static Config Load(string? overlay = null, string? journal = null, string? folder = null)
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
            config = Parse(layer).WithFallback(config);
        return config;
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
