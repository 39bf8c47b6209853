using System.Collections;
using System.Globalization;

namespace Pipeline.Actors.Emulation;

/// <summary>
/// Generated posts, deterministic for a seed: every enumeration gives byte-identical records (given
/// a start time, or a clock that answers the same). Post indices count up from 0. Event times are
/// the clock's "now", or <see cref="EmulatorSettings.Start"/> plus one interval per post, each moved
/// back by up to <see cref="EmulatorSettings.Jitter"/>.
/// </summary>
public sealed class SyntheticPosts : IEnumerable<EmulatedPost>
{
    private readonly EmulatorSettings _settings;
    private readonly TimeProvider _clock;

    public SyntheticPosts(EmulatorSettings settings, TimeProvider clock)
    {
        settings.Validate();
        _settings = settings;
        _clock = clock;
    }

    public IEnumerator<EmulatedPost> GetEnumerator()
    {
        var random = new PythonRandom(_settings.Seed);
        var population = new PosterPopulation(_settings.Profiles, _settings.Start ?? _clock.GetUtcNow(), random);
        for (long index = 0; _settings.Posts is not { } limit || index < limit; index++)
        {
            yield return Post(index, population.Draw(random), random);
        }
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    private EmulatedPost Post(long index, PosterProfile poster, PythonRandom random)
    {
        var pin = Pin(index, poster, random);
        var geo = Geo(index, poster, EventTime(index, random));
        var user = User(index, poster);
        return new EmulatedPost(index, Malform(pin, index, random), Malform(geo, index, random), Malform(user, index, random));
    }

    private static string Pin(long index, PosterProfile poster, PythonRandom random)
    {
        var roll = random.NextDouble();
        var category = roll < 0.75 ? poster.Favourite : roll < 0.9 ? poster.SecondFavourite : Categories.Draw(random);
        var dirt = PinDirt.Draw(random);

        var title = dirt.NoTitle ? PinDirt.NoTitlePlaceholder
            : dirt.EmptyTitle ? string.Empty
            : PinText.Title(category, poster, random);
        if (!dirt.NoTitle && random.Chance(PinDirt.NoBreakSpaceInTitleRate))
        {
            title = PinText.WithNoBreakSpace(title, random);
        }

        var json = new PythonStyleJson()
            .Add("index", index)
            .Add("unique_id", PinText.UniqueId(random))
            .Add("title", title)
            .Add("description", dirt.DescriptionPlaceholder ?? PinText.Description(category, random));
        if (!random.Chance(PinDirt.MissingPosterNameRate))
        {
            json.Add("poster_name", dirt.UserInfoError ? PinDirt.UserInfoErrorPlaceholder : poster.PosterName);
        }

        json.Add("follower_count", dirt.UserInfoError ? PinDirt.UserInfoErrorPlaceholder : FollowerCountText.Render(poster.Followers))
            .Add("tag_list", dirt.NoTags ? PinDirt.NoTagsPlaceholder : PinText.Tags(category, random))
            .Add("is_image_or_video", dirt.MediaType)
            .Add("image_src", dirt.ImageError ? PinDirt.ImageErrorPlaceholder : PinText.ImageSource(dirt.MediaType, random));
        if (!random.Chance(PinDirt.MissingDownloadedRate))
        {
            // The real rows mark every pin whose image failed as not downloaded, and only those.
            json.Add("downloaded", dirt.ImageError ? 0 : 1);
        }

        return json
            .Add("save_location", $"Local save in /data/{category.Name}")
            .Add("category", category.Name)
            .ToString();
    }

    private static string Geo(long index, PosterProfile poster, DateTimeOffset time) =>
        new PythonStyleJson()
            .Add("ind", index)
            .Add("timestamp", Format(time))
            .Add("latitude", poster.Latitude)
            .Add("longitude", poster.Longitude)
            .Add("country", poster.Country)
            .ToString();

    private static string User(long index, PosterProfile poster) =>
        new PythonStyleJson()
            .Add("ind", index)
            .Add("first_name", poster.FirstName)
            .Add("last_name", poster.LastName)
            .Add("age", poster.Age)
            .Add("date_joined", Format(poster.DateJoined))
            .ToString();

    private DateTimeOffset EventTime(long index, PythonRandom random)
    {
        var at = _settings.Start is { } start
            ? start + (_settings.PostInterval * index)
            : _clock.GetUtcNow();
        return at - (_settings.Jitter * random.NextDouble());
    }

    private string Malform(string record, long index, PythonRandom random) =>
        random.Chance(_settings.MalformedRate)
            ? MalformedRecord.Break(record, index, (MalformedKind)random.Below(4), random)
            : record;

    /// <summary>The real rows' datetime form, UTC to the second.</summary>
    private static string Format(DateTimeOffset time) =>
        time.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);
}
