using Bogus;

namespace Pipeline.Actors.Emulation;

/// <summary>
/// The people who post, generated once per seed. How often each posts follows a Zipf law (rank r
/// posts in proportion to r^-0.75): with 20,000 people, 20,000 posts come from about 8,800 of them,
/// 72% of posts are by repeat posters and the busiest posts about 460 times (the real user table:
/// 11,154 posts by 5,307 people, 65% by repeat posters, the busiest 244 times). Follower counts are
/// log-normal (log10 mean 3.9, sd 1.35, as the real accounts: median about 10k, 10% under 100, 1%
/// over 3M); the busiest 1% of people are brands with ten times the followers, so the top 1% of
/// posters hold about 45% of all followers (36% in the real pins).
/// </summary>
internal sealed class PosterPopulation
{
    private const double PostingExponent = 0.75;
    private const double FollowersLog10Mean = 3.9;
    private const double FollowersLog10Sd = 1.35;
    private const long MaxFollowers = 20_000_000;

    /// <summary>82 of 4,662 real pins show a poster name with trailing white space.</summary>
    private const double TrailingSpaceRate = 82.0 / 4662;

    private static readonly string[] FirstNames = Strings("name", "first_name");
    private static readonly string[] LastNames = Strings("name", "last_name");
    private static readonly string[] Countries = Strings("address", "country");
    private static readonly string[] BrandSuffixes =
        ["Studio", "Designs", "Co.", "Creative", "Living", "Magazine", "Blog", "Collective", "Home", "Life", "Daily", "Journal"];

    private readonly PosterProfile[] _profiles;
    private readonly double[] _cumulativeWeight;

    public PosterPopulation(int size, DateTimeOffset joinedBefore, PythonRandom random)
    {
        _profiles = new PosterProfile[size];
        _cumulativeWeight = new double[size];
        var total = 0.0;
        for (var rank = 0; rank < size; rank++)
        {
            _profiles[rank] = Create(rank < size / 100, joinedBefore, random);
            total += Math.Pow(rank + 1, -PostingExponent);
            _cumulativeWeight[rank] = total;
        }
    }

    public int Count => _profiles.Length;

    public PosterProfile this[int rank] => _profiles[rank];

    /// <summary>The next poster, busy people more often.</summary>
    public PosterProfile Draw(PythonRandom random)
    {
        var target = random.NextDouble() * _cumulativeWeight[^1];
        var rank = Array.BinarySearch(_cumulativeWeight, target);
        return _profiles[Math.Min(rank < 0 ? ~rank : rank, _profiles.Length - 1)];
    }

    private static PosterProfile Create(bool busy, DateTimeOffset joinedBefore, PythonRandom random)
    {
        var first = random.Pick(FirstNames);
        var last = random.Pick(LastNames);

        // Young people dominate the real ages (20 and 21 are a third of them); u^1.7 skews young.
        var age = 18 + (int)(53 * Math.Pow(random.NextDouble(), 1.7));
        var joined = joinedBefore.AddSeconds(-(long)(random.NextDouble() * 3 * 365 * 86400) - (30 * 86400));

        // Countries come in the list's order with a skew to its front, as the real table leans on a few.
        var country = Countries[(int)(Countries.Length * Math.Pow(random.NextDouble(), 2))];
        var latitude = Math.Round((random.NextDouble() * 180) - 90, 4);
        var longitude = Math.Round((random.NextDouble() * 360) - 180, 4);

        var favourite = Categories.Draw(random);
        var second = Categories.Draw(random);
        var posterName = PosterName(first, last, favourite, random);
        if (random.Chance(TrailingSpaceRate))
        {
            posterName += " ";
        }

        var log10 = FollowersLog10Mean + (busy ? 1 : 0) + (FollowersLog10Sd * Normal(random));
        var followers = (long)Math.Clamp(Math.Pow(10, log10), 0, MaxFollowers);
        return new PosterProfile(first, last, age, joined, country, latitude, longitude, posterName, followers, favourite, second);
    }

    private static string PosterName(string first, string last, PinCategory favourite, PythonRandom random)
    {
        var style = random.Below(10);
        return style switch
        {
            < 4 => $"{first} {last}",
            < 6 => $"{first} | {random.Pick(favourite.Qualifiers)} {random.Pick(favourite.Subjects)}",
            < 8 => $"{last} {random.Pick(BrandSuffixes)}",
            < 9 => $"The {random.Pick(favourite.Qualifiers)} {random.Pick(favourite.Subjects)}",
            _ => $"{first.ToLowerInvariant()}{last.ToLowerInvariant()}{random.Below(100):00}",
        };
    }

    /// <summary>A standard normal by Box-Muller.</summary>
    private static double Normal(PythonRandom random)
    {
        var u = 1.0 - random.NextDouble();
        var v = random.NextDouble();
        return Math.Sqrt(-2 * Math.Log(u)) * Math.Cos(2 * Math.PI * v);
    }

    private static string[] Strings(string category, string path)
    {
        var values = (Bogus.Bson.BArray)Database.Get(category, path, "en", "en");
        var result = new string[values.Count];
        for (var i = 0; i < result.Length; i++)
        {
            result[i] = values[i].StringValue;
        }

        return result;
    }
}
