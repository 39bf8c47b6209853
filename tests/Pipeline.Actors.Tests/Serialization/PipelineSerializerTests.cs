using System.Collections;
using System.Runtime.Serialization;
using Akka.Actor;
using Akka.Serialization;
using Pipeline.Actors.Leaderboards;
using Pipeline.Actors.Serialization;
using Pipeline.Actors.Sources.Kinesis;
using Xunit;

namespace Pipeline.Actors.Tests.Serialization;

public sealed class PipelineSerializerTests() : Akka.TestKit.Xunit2.TestKit(SerializationTestConfig.Hocon)
{
    private sealed record NeverBound(string Text);

    private Akka.Serialization.Serialization Serialization => Sys.Serialization;

    [Fact]
    public void Every_sample_round_trips_through_the_bound_serializer_to_an_equal_value()
    {
        foreach (var sample in WireSamples.All.Concat(WireSamples.Carrying(TestActor)))
        {
            var serializer = Serialization.FindSerializerFor(sample);
            Assert.IsType<PipelineSerializer>(serializer);
            var bytes = serializer.ToBinary(sample);
            var manifest = Akka.Serialization.Serialization.ManifestFor(serializer, sample);

            var back = Serialization.Deserialize(bytes, serializer.Identifier, manifest);

            Assert.Equal(sample.GetType(), back.GetType());
            Assert.Equivalent(sample, back, strict: true);
            Assert.True(bytes.SequenceEqual(serializer.ToBinary(back)), $"{sample} does not write the same bytes once read back");
            if (HasValueEquality(sample.GetType()))
                Assert.Equal(sample, back);
        }
    }

    [Fact]
    public void Every_serialized_type_has_samples_to_round_trip()
    {
        var sampled = WireSamples.All.Concat(WireSamples.Carrying(TestActor)).Select(sample => sample.GetType()).ToHashSet();
        Assert.All(PipelineSerializer.Types, type => Assert.Contains(type, sampled));
    }

    [Fact]
    public void Manifests_name_one_type_each()
    {
        var manifests = WireTypes.All.Select(type => type.Manifest).ToList();
        Assert.Equal(manifests.Count, manifests.Distinct(StringComparer.Ordinal).Count());
        Assert.Equal(manifests.Count, PipelineSerializer.Types.Distinct().Count());
    }

    [Fact]
    public void Every_serialized_type_is_bound_to_the_serializer_in_hocon()
    {
        var unbound = PipelineSerializer.Types.Where(type => Serialization.FindSerializerForType(type) is not PipelineSerializer);
        Assert.Empty(unbound.Select(type => type.FullName));
    }

    [Fact]
    public void Every_binding_to_the_serializer_names_a_type_it_writes()
    {
        var bindings = Sys.Settings.Config.GetConfig("akka.actor.serialization-bindings").AsEnumerable()
            .Where(binding => binding.Value.GetString() == "pipeline")
            .Select(binding => binding.Key)
            .ToList();

        Assert.Equal(PipelineSerializer.Types.Count(), bindings.Count);
        Assert.All(bindings, name => Assert.Contains(Type.GetType(name), PipelineSerializer.Types));
    }

    [Fact]
    public void A_type_bound_to_nothing_is_refused_naming_it_instead_of_written_as_json()
    {
        var message = new NeverBound("would have been JSON");

        Assert.IsType<UnboundTypeRefusal>(Serialization.FindSerializerFor(message));
        var refused = Assert.Throws<SerializationException>(() => Serialization.Serialize(message));
        Assert.Contains(typeof(NeverBound).FullName!, refused.Message);
    }

    [Fact]
    public void Snapshots_as_json_bytes_keep_akkas_byte_array_serializer()
    {
        Assert.IsType<ByteArraySerializer>(Serialization.FindSerializerFor(new byte[] { 1, 2 }));
    }

    [Fact]
    public void Checkpoint_events_the_json_fallback_wrote_before_still_read()
    {
        var json = new NewtonSoftJsonSerializer((ExtendedActorSystem)Sys);
        var written = new ShardCheckpoints.ShardsCheckpointed(new Dictionary<string, string> { ["shardId-000000000000"] = "42" });
        var bytes = json.ToBinary(written);

        var read = Serialization.Deserialize(bytes, json.Identifier, Akka.Serialization.Serialization.ManifestFor(json, written));

        Assert.Equivalent(written, read, strict: true);
    }

    [Fact]
    public void An_unknown_manifest_and_left_over_bytes_are_refused()
    {
        var serializer = (PipelineSerializer)Serialization.FindSerializerForType(typeof(BoardUpdated));
        var board = serializer.ToBinary(new BoardUpdated("profiles"));

        Assert.Throws<SerializationException>(() => serializer.FromBinary(board, "no-such-manifest"));
        Assert.Throws<SerializationException>(() => serializer.FromBinary([.. board, 0], "board-updated"));
        Assert.Throws<EndOfStreamException>(() => serializer.FromBinary(board[..^1], "board-updated"));
    }

    /// <summary>Records compare by value unless they hold a collection (compared by reference).</summary>
    private static bool HasValueEquality(Type type) =>
        type.GetProperties().All(property => property.PropertyType == typeof(string)
            || (!typeof(IEnumerable).IsAssignableFrom(property.PropertyType)
                && (property.PropertyType.Namespace?.StartsWith("Pipeline", StringComparison.Ordinal) != true
                    || property.PropertyType == type
                    || HasValueEquality(property.PropertyType))));
}
