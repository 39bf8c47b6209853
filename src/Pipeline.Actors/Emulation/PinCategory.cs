namespace Pipeline.Actors.Emulation;

/// <summary>
/// A category of the real data with the words its pins are made of. <see cref="Weight"/> is its
/// share of posts relative to the others.
/// </summary>
/// <param name="Subjects">Things pinned in the category (title and tag nouns).</param>
/// <param name="Qualifiers">Words that go before a subject (title and tag adjectives).</param>
/// <param name="Audiences">Who a pin addresses ("for ..." in titles and descriptions).</param>
internal sealed record PinCategory(
    string Name,
    double Weight,
    IReadOnlyList<string> Subjects,
    IReadOnlyList<string> Qualifiers,
    IReadOnlyList<string> Audiences);
