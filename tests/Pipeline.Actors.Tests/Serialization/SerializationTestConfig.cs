using Akka.Configuration;
using Pipeline.Actors.Tests.Sources.Kinesis;

namespace Pipeline.Actors.Tests.Serialization;

/// <summary>The repository's hocon/serialization.conf as it is on disk.</summary>
internal static class SerializationTestConfig
{
    public static Config Hocon { get; } =
        ConfigurationFactory.ParseString(File.ReadAllText(Path.Combine(RepositoryRoot.Path, "hocon", "serialization.conf")));
}
