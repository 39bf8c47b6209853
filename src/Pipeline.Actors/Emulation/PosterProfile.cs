namespace Pipeline.Actors.Emulation;

/// <summary>
/// One person who posts, possibly many times: who they are (the user record), where they post from
/// (the geo record; the real data keeps one place per person) and the account their pins show
/// (poster name, followers, favourite categories).
/// </summary>
internal sealed record PosterProfile(
    string FirstName,
    string LastName,
    int Age,
    DateTimeOffset DateJoined,
    string Country,
    double Latitude,
    double Longitude,
    string PosterName,
    long Followers,
    PinCategory Favourite,
    PinCategory SecondFavourite);
