using System.Collections.Concurrent;
using Pipeline.Actors.Sources.Kafka;

namespace Pipeline.Host.Engine;

/// <summary>
/// The Kafka the engine talks to: the configured cluster, or, when none is configured, the embedded
/// broker (librdkafka's mock cluster, in memory) started here, so the whole path is the production
/// path with nothing installed.
/// </summary>
public sealed class KafkaConnection : IDisposable
{
    private readonly MockKafkaCluster? _embedded;
    private readonly ConcurrentDictionary<string, bool> _created = new(StringComparer.Ordinal);

    private KafkaConnection(KafkaSettings settings, MockKafkaCluster? embedded)
    {
        Settings = settings;
        _embedded = embedded;
    }

    /// <summary>The settings with the bootstrap servers in use.</summary>
    public KafkaSettings Settings { get; }

    public bool IsEmbedded => _embedded is not null;

    public string BootstrapServers => Settings.BootstrapServers!;

    public static KafkaConnection Open(KafkaSettings settings)
    {
        if (!string.IsNullOrWhiteSpace(settings.BootstrapServers))
            return new KafkaConnection(settings, null);
        var embedded = MockKafkaCluster.Start();
        return new KafkaConnection(settings with { BootstrapServers = embedded.BootstrapServers }, embedded);
    }

    /// <summary>Creates the topic on first use in the embedded broker; a real cluster creates topics
    /// by its own policy (auto-creation or an operator), so this does nothing there.</summary>
    public void EnsureTopic(string topic)
    {
        if (_embedded is null || _created.ContainsKey(topic))
            return;
        lock (_created)
        {
            if (_created.ContainsKey(topic))
                return;
            _embedded.CreateTopic(topic, Settings.EmbeddedPartitions);
            _created[topic] = true;
        }
    }

    public void Dispose() => _embedded?.Dispose();
}
