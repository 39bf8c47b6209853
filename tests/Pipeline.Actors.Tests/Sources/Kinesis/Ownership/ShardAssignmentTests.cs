using Pipeline.Actors.Sources.Kinesis.Ownership;
using Xunit;

namespace Pipeline.Actors.Tests.Sources.Kinesis.Ownership;

public sealed class ShardAssignmentTests
{
    private static readonly ShardKey[] Shards = Enumerable.Range(0, 12)
        .Select(i => new ShardKey(i < 6 ? "streaming-a-pin" : "streaming-a-geo", $"shardId-{i % 6:D12}"))
        .ToArray();

    private static readonly Dictionary<ShardKey, string> Nobody = new();

    [Fact]
    public void One_host_owns_every_shard()
    {
        var owners = ShardAssignment.Balance(["a"], Shards, Nobody);

        Assert.Equal(Shards.Order(), owners.Keys.Order());
        Assert.All(owners.Values, owner => Assert.Equal("a", owner));
    }

    [Theory]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(5)]
    [InlineData(13)]
    public void Every_shard_has_exactly_one_owner_and_the_counts_differ_by_at_most_one(int hostCount)
    {
        var hosts = Enumerable.Range(0, hostCount).Select(i => $"node-{i:D2}").ToList();

        var owners = ShardAssignment.Balance(hosts, Shards, Nobody);

        Assert.Equal(Shards.Order(), owners.Keys.Order());
        var counts = hosts.Select(host => owners.Values.Count(owner => owner == host)).ToList();
        Assert.True(counts.Max() - counts.Min() <= 1, string.Join(",", counts));
    }

    [Fact]
    public void The_same_input_gives_the_same_answer()
    {
        string[] hosts = ["b", "a", "c"];

        var first = ShardAssignment.Balance(hosts, Shards, Nobody);
        var second = ShardAssignment.Balance(hosts, Shards.Reverse().ToArray(), Nobody);

        Assert.Equal(first.OrderBy(p => p.Key), second.OrderBy(p => p.Key));
    }

    [Fact]
    public void A_joining_host_takes_only_its_share_and_nothing_else_moves()
    {
        var before = ShardAssignment.Balance(["a", "b"], Shards, Nobody);

        var after = ShardAssignment.Balance(["a", "b", "c"], Shards, before);

        var moved = Shards.Where(shard => before[shard] != after[shard]).ToList();
        Assert.Equal(4, moved.Count);
        Assert.All(moved, shard => Assert.Equal("c", after[shard]));
        Assert.Equal(4, after.Values.Count(owner => owner == "a"));
        Assert.Equal(4, after.Values.Count(owner => owner == "b"));
    }

    [Fact]
    public void The_shards_of_a_host_that_left_move_and_the_others_stay()
    {
        var before = ShardAssignment.Balance(["a", "b", "c"], Shards, Nobody);

        var after = ShardAssignment.Balance(["a", "c"], Shards, before);

        Assert.DoesNotContain("b", after.Values);
        Assert.Equal(Shards.Order(), after.Keys.Order());
        Assert.All(Shards.Where(shard => before[shard] != "b"), shard => Assert.Equal(before[shard], after[shard]));
        Assert.Equal(6, after.Values.Count(owner => owner == "a"));
        Assert.Equal(6, after.Values.Count(owner => owner == "c"));
    }

    [Fact]
    public void New_shards_go_to_the_least_loaded_hosts_and_gone_ones_are_dropped()
    {
        var before = ShardAssignment.Balance(["a", "b"], Shards[..4], Nobody);
        var children = new[] { new ShardKey("streaming-a-pin", "shardId-000000000100"), new ShardKey("streaming-a-pin", "shardId-000000000101") };

        var after = ShardAssignment.Balance(["a", "b"], Shards[1..4].Concat(children), before);

        Assert.DoesNotContain(Shards[0], after.Keys);
        Assert.All(Shards[1..4], shard => Assert.Equal(before[shard], after[shard]));
        Assert.Equal(5, after.Count);
        var counts = new[] { "a", "b" }.Select(host => after.Values.Count(owner => owner == host)).Order().ToList();
        Assert.Equal([2, 3], counts);
    }

    [Fact]
    public void No_host_means_no_owner()
    {
        Assert.Empty(ShardAssignment.Balance(Array.Empty<string>(), Shards, Nobody));
    }
}
