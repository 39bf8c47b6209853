using Akka.Actor;
using Pipeline.Actors.Checkpoints;
using Pipeline.Actors.Live;
using Pipeline.Actors.Profiles;

namespace Pipeline.Actors.Leaderboards;

/// <summary>The sharded entity of one profile board (entity id: a <see cref="BoardIds"/> id).</summary>
public sealed class ProfileBoardEntity : CheckpointedEntity<ProfileBoardSnapshot>
{
    private readonly TimeSpan _halfLife;
    private ProfileBoard _board;

    public ProfileBoardEntity(string boardId, TimeSpan halfLife, IdleSweep idle)
        : base("profile-board-" + boardId, idle)
    {
        _halfLife = halfLife;
        _board = new ProfileBoard(boardId);
    }

    public static Props Props(string boardId, TimeSpan halfLife, IdleSweep idle) =>
        EntityMailbox.EntityProps<ProfileBoardEntity>(boardId, halfLife, idle);

    protected override bool OnEntityCommand(object message)
    {
        switch (message)
        {
            case UpdateProfileBoard request:
                foreach (var standing in request.Standings)
                    _board.Update(standing);
                MarkChanged();
                Sender.Tell(new BoardUpdated(_board.BoardId));
                return true;
            case GetTopProfiles request:
                Sender.Tell(new TopProfiles(
                    _board.BoardId,
                    _board.Top(request.Top)
                        .Select(entry => new RankedProfile(entry.PosterName, Popularity.ScoreAt(entry.RankKey, request.AsOf, _halfLife), entry.FollowerCount, entry.Posts))
                        .ToList()));
                return true;
            default:
                return false;
        }
    }

    protected override ProfileBoardSnapshot ToSnapshot() => _board.ToSnapshot();

    protected override void Restore(ProfileBoardSnapshot snapshot) => _board = ProfileBoard.FromSnapshot(snapshot);
}
