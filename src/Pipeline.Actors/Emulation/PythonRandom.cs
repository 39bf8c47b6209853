namespace Pipeline.Actors.Emulation;

/// <summary>
/// CPython's <c>random.Random</c>: the MT19937 Mersenne Twister seeded and drawn exactly as CPython
/// does, so the original emulator's seeded order can be replayed. Also the generator behind the
/// synthetic mode, because its output, unlike <see cref="System.Random"/>'s, is fixed forever.
/// </summary>
public sealed class PythonRandom
{
    private const int N = 624;
    private const int M = 397;
    private const uint MatrixA = 0x9908b0dfU;
    private const uint UpperMask = 0x80000000U;
    private const uint LowerMask = 0x7fffffffU;

    private readonly uint[] _state = new uint[N];
    private int _next;

    /// <summary>As <c>random.seed(seed)</c> with an int: the absolute value's 32-bit chunks, least
    /// significant first, feed <c>init_by_array</c>.</summary>
    public PythonRandom(long seed)
    {
        var magnitude = seed == long.MinValue ? 1UL << 63 : (ulong)Math.Abs(seed);
        var key = (magnitude >> 32) == 0
            ? new[] { (uint)magnitude }
            : new[] { (uint)magnitude, (uint)(magnitude >> 32) };
        InitByArray(key);
    }

    /// <summary><c>genrand_uint32</c>: the next 32 raw bits.</summary>
    public uint NextUInt32()
    {
        if (_next >= N)
        {
            Twist();
        }

        var y = _state[_next++];
        y ^= y >> 11;
        y ^= (y << 7) & 0x9d2c5680U;
        y ^= (y << 15) & 0xefc60000U;
        y ^= y >> 18;
        return y;
    }

    /// <summary><c>getrandbits(k)</c> for 0 &lt;= k &lt;= 64; words are consumed least significant first.</summary>
    public ulong GetRandBits(int bits)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(bits);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(bits, 64);
        if (bits == 0)
        {
            return 0;
        }

        if (bits <= 32)
        {
            return NextUInt32() >> (32 - bits);
        }

        ulong low = NextUInt32();
        ulong high = NextUInt32() >> (64 - bits);
        return low | (high << 32);
    }

    /// <summary><c>_randbelow(n)</c>: uniform in [0, n) by rejection on <c>n.bit_length()</c> bits.</summary>
    public long Below(long n)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(n);
        var bits = 64 - System.Numerics.BitOperations.LeadingZeroCount((ulong)n);
        var r = (long)GetRandBits(bits);
        while (r >= n)
        {
            r = (long)GetRandBits(bits);
        }

        return r;
    }

    /// <summary><c>randint(low, high)</c>, both ends included.</summary>
    public long RandInt(long low, long high)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(high, low);
        return low + Below(high - low + 1);
    }

    /// <summary><c>random()</c>: a double in [0, 1) built from 53 random bits.</summary>
    public double NextDouble()
    {
        var a = NextUInt32() >> 5;
        var b = NextUInt32() >> 6;
        return ((a * 67108864.0) + b) * (1.0 / 9007199254740992.0);
    }

    /// <summary>True with probability <paramref name="probability"/>.</summary>
    public bool Chance(double probability) => NextDouble() < probability;

    /// <summary>A uniformly chosen element.</summary>
    public T Pick<T>(IReadOnlyList<T> items) => items[(int)Below(items.Count)];

    private void InitGenrand(uint seed)
    {
        _state[0] = seed;
        for (var i = 1; i < N; i++)
        {
            _state[i] = (1812433253U * (_state[i - 1] ^ (_state[i - 1] >> 30))) + (uint)i;
        }

        _next = N;
    }

    private void InitByArray(uint[] key)
    {
        InitGenrand(19650218U);
        int i = 1, j = 0;
        for (var k = Math.Max(N, key.Length); k > 0; k--)
        {
            _state[i] = (_state[i] ^ ((_state[i - 1] ^ (_state[i - 1] >> 30)) * 1664525U)) + key[j] + (uint)j;
            i++;
            j++;
            if (i >= N)
            {
                _state[0] = _state[N - 1];
                i = 1;
            }

            if (j >= key.Length)
            {
                j = 0;
            }
        }

        for (var k = N - 1; k > 0; k--)
        {
            _state[i] = (_state[i] ^ ((_state[i - 1] ^ (_state[i - 1] >> 30)) * 1566083941U)) - (uint)i;
            i++;
            if (i >= N)
            {
                _state[0] = _state[N - 1];
                i = 1;
            }
        }

        _state[0] = 0x80000000U;
    }

    private void Twist()
    {
        for (var k = 0; k < N; k++)
        {
            var y = (_state[k] & UpperMask) | (_state[(k + 1) % N] & LowerMask);
            _state[k] = _state[(k + M) % N] ^ (y >> 1) ^ ((y & 1U) != 0 ? MatrixA : 0U);
        }

        _next = 0;
    }
}
