using Pipeline.Actors.Positions;
using Pipeline.Actors.Records;
using Xunit;

namespace Pipeline.Actors.Tests.Positions;

public class CommitGateTests
{
    private static SourcePosition At(string offset, string partition = "0") =>
        new("kafka:c1/u.pin", partition, offset, DateTimeOffset.UnixEpoch);

    [Fact]
    public void Nothing_is_committable_until_every_consumer_reported()
    {
        var gate = new CommitGate(2);

        Assert.Null(gate.Report(0, At("10")));
        Assert.Equal(At("7"), gate.Report(1, At("7")));
    }

    [Fact]
    public void The_slowest_consumer_decides_and_only_advances_are_emitted()
    {
        var gate = new CommitGate(2);
        gate.Report(0, At("5"));
        gate.Report(1, At("9"));

        Assert.Null(gate.Report(1, At("8")));
        Assert.Equal(At("9"), gate.Report(0, At("12")));
        Assert.Null(gate.Report(0, At("20")));
        Assert.Equal(At("20"), gate.Report(1, At("25")));
    }

    [Fact]
    public void Partitions_are_independent_and_offsets_compare_as_numbers()
    {
        var gate = new CommitGate(1);

        Assert.Equal(At("9", "0"), gate.Report(0, At("9", "0")));
        Assert.Equal(At("3", "1"), gate.Report(0, At("3", "1")));
        Assert.Equal(At("10", "0"), gate.Report(0, At("10", "0")));
        Assert.Null(gate.Report(0, At("9", "0")));
    }
}
