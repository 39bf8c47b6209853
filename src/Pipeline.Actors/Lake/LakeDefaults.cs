using Akka.Configuration;

namespace Pipeline.Actors.Lake;

/// <summary>hocon/lake.conf, embedded in the assembly so every key has its documented default even
/// when the host's configuration leaves it out.</summary>
public static class LakeDefaults
{
    private static readonly Lazy<Config> Embedded = new(() =>
    {
        using var stream = typeof(LakeDefaults).Assembly.GetManifestResourceStream("hocon/lake.conf")
            ?? throw new InvalidOperationException("hocon/lake.conf is not embedded in Pipeline.Actors");
        using var reader = new StreamReader(stream);
        return ConfigurationFactory.ParseString(reader.ReadToEnd());
    });

    public static Config Config => Embedded.Value;
}
