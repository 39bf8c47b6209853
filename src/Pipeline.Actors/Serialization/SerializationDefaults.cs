using Akka.Configuration;

namespace Pipeline.Actors.Serialization;

/// <summary>hocon/serialization.conf, embedded in the assembly so that every actor system built on
/// <see cref="Live.LiveState.DefaultConfig"/> binds the engine's messages, whichever files it layers.</summary>
public static class SerializationDefaults
{
    private static readonly Lazy<Config> Embedded = new(() =>
    {
        using var stream = typeof(SerializationDefaults).Assembly.GetManifestResourceStream("hocon/serialization.conf")
            ?? throw new InvalidOperationException("hocon/serialization.conf is not embedded in Pipeline.Actors");
        using var reader = new StreamReader(stream);
        return ConfigurationFactory.ParseString(reader.ReadToEnd());
    });

    public static Config Config => Embedded.Value;
}
