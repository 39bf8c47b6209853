using Akka.Actor;
using Pipeline.Actors.Assembly;
using Pipeline.Actors.Checkpoints;

namespace Pipeline.Actors.Profiles;

/// <summary>The sharded entity of one profile (entity id: the poster name). Answers
/// <see cref="ApplyPostChanges"/> with its <see cref="ProfileStanding"/>.</summary>
public sealed class ProfileEntity : PostChangeConsumer<ProfileSnapshot>
{
    private readonly ProfileSettings _settings;
    private ProfileState _state;

    public ProfileEntity(string posterName, ProfileSettings settings, TimeSpan passivateAfter)
        : base("profile-" + posterName, passivateAfter)
    {
        _settings = settings;
        _state = new ProfileState(posterName, settings.PopularityHalfLife);
        Command<GetProfile>(request => Sender.Tell(_state.Posts == 0
            ? new ProfileNotFound(_state.PosterName)
            : _state.View(request.AsOf)));
    }

    public static Props Props(string posterName, ProfileSettings settings, TimeSpan passivateAfter) =>
        Akka.Actor.Props.Create(() => new ProfileEntity(posterName, settings, passivateAfter));

    protected override AppliedChanges Applied => _state.Applied;

    protected override bool Apply(PostChange change) => _state.Apply(change);

    protected override object Report(IReadOnlyList<PostChange> changes) => _state.Standing(changes);

    protected override ProfileSnapshot ToSnapshot() => _state.ToSnapshot();

    protected override void Restore(ProfileSnapshot snapshot) => _state = ProfileState.FromSnapshot(snapshot, _settings.PopularityHalfLife);
}
