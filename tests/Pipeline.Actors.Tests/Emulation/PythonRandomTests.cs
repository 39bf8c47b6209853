using Pipeline.Actors.Emulation;
using Xunit;

namespace Pipeline.Actors.Tests.Emulation;

public class PythonRandomTests
{
    [Fact]
    public void Original_emulator_order_matches_cpython()
    {
        // Produced by CPython 3.11.7 on this machine:
        //   random.seed(100)
        //   [(random.randrange(0, 2), random.randint(0, 11000)) for _ in range(20)]
        // (the original loop slept randrange(0, 2) seconds before each randint(0, 11000)).
        (int Pause, long Index)[] cpython =
        [
            (0, 7528), (1, 2863), (1, 5730), (1, 8304), (0, 8731), (0, 1313), (1, 4315), (0, 10794), (0, 5494), (0, 5069),
            (0, 2923), (0, 3089), (1, 6063), (1, 3454), (1, 7554), (1, 6145), (0, 10625), (0, 2959), (0, 9875), (1, 2418),
        ];

        var picks = OriginalPostingOrder.Picks().Take(20).Select(p => (p.PauseSeconds, p.Index)).ToArray();

        Assert.Equal(cpython, picks);
    }

    [Fact]
    public void Randint_alone_matches_cpython()
    {
        // CPython 3.11.7: random.seed(100); [random.randint(0, 11000) for _ in range(8)]
        var random = new PythonRandom(100);
        var values = Enumerable.Range(0, 8).Select(_ => random.RandInt(0, 11000)).ToArray();

        Assert.Equal([2386, 7528, 7453, 2863, 6439, 5730, 7102, 8304], values);
    }

    [Fact]
    public void Raw_bits_and_floats_match_cpython()
    {
        // CPython 3.11.7: random.seed(7); [random.getrandbits(32) for _ in range(3)], random.random()
        var random = new PythonRandom(7);

        Assert.Equal([1390851128UL, 4071050724UL, 647892279UL], Enumerable.Range(0, 3).Select(_ => random.GetRandBits(32)).ToArray());
        Assert.Equal(0.3948234964231735, random.NextDouble());
    }

    [Theory]
    // CPython 3.11.7: random.seed(s); [random.randint(0, 11000) for _ in range(3)]
    [InlineData(0L, 6311L, 6890L, 663L)]
    [InlineData(-3L, 3898L, 9709L, 8916L)]
    [InlineData(1099511627781L, 8263L, 8469L, 4400L)] // 2**40 + 5: a seed of two 32-bit words
    public void Seeds_of_any_size_and_sign_match_cpython(long seed, long first, long second, long third)
    {
        var random = new PythonRandom(seed);

        Assert.Equal([first, second, third], Enumerable.Range(0, 3).Select(_ => random.RandInt(0, 11000)).ToArray());
    }
}
