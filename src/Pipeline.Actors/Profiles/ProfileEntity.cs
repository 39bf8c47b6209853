using Akka.Actor;
using Pipeline.Actors.Assembly;
using Pipeline.Actors.Checkpoints;
using Pipeline.Actors.Live;

namespace Pipeline.Actors.Profiles;

/// <summary>The sharded entity of one profile (entity id: the poster name). Answers
/// <see cref="ApplyPostChanges"/> with its <see cref="ProfileStanding"/>.</summary>
public sealed class ProfileEntity : PostChangeConsumer<ProfileSnapshot>
{
    private readonly ProfileSettings _settings;
    private ProfileState _state;

    public ProfileEntity(string posterName, ProfileSettings settings, IdleSweep idle)
        : base("profile-" + posterName, idle)
    {
        _settings = settings;
        _state = new ProfileState(posterName, settings.PopularityHalfLife);
    }

    public static Props Props(string posterName, ProfileSettings settings, IdleSweep idle) =>
        EntityMailbox.EntityProps<ProfileEntity>(posterName, settings, idle);

    protected override bool OnQuery(object message)
    {
        if (message is not GetProfile request)
            return false;
        Sender.Tell(_state.Posts == 0 ? new ProfileNotFound(_state.PosterName) : _state.View(request.AsOf));
        return true;
    }

    protected override AppliedChanges Applied => _state.Applied;

    protected override bool Apply(PostChange change) => _state.Apply(change);

    protected override object Report(IReadOnlyList<PostChange> changes) => _state.Standing(changes);

    protected override ProfileSnapshot ToSnapshot() => _state.ToSnapshot();

    protected override void Restore(ProfileSnapshot snapshot) => _state = ProfileState.FromSnapshot(snapshot, _settings.PopularityHalfLife);
}
