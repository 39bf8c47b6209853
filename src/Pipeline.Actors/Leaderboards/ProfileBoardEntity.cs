using Akka.Actor;
using Pipeline.Actors.Checkpoints;
using Pipeline.Actors.Profiles;

namespace Pipeline.Actors.Leaderboards;

/// <summary>The sharded entity of one profile board (entity id: a <see cref="BoardIds"/> id).</summary>
public sealed class ProfileBoardEntity : CheckpointedEntity<ProfileBoardSnapshot>
{
    private ProfileBoard _board;

    public ProfileBoardEntity(string boardId, TimeSpan halfLife, TimeSpan passivateAfter)
        : base("profile-board-" + boardId, passivateAfter)
    {
        _board = new ProfileBoard(boardId);
        Command<UpdateProfileBoard>(request =>
        {
            foreach (var standing in request.Standings)
                _board.Update(standing);
            MarkChanged();
            Sender.Tell(new BoardUpdated(_board.BoardId));
        });
        Command<GetTopProfiles>(request => Sender.Tell(new TopProfiles(
            _board.BoardId,
            _board.Top(request.Top)
                .Select(entry => new RankedProfile(entry.PosterName, Popularity.ScoreAt(entry.RankKey, request.AsOf, halfLife), entry.FollowerCount, entry.Posts))
                .ToList())));
    }

    public static Props Props(string boardId, TimeSpan halfLife, TimeSpan passivateAfter) =>
        Akka.Actor.Props.Create(() => new ProfileBoardEntity(boardId, halfLife, passivateAfter));

    protected override ProfileBoardSnapshot ToSnapshot() => _board.ToSnapshot();

    protected override void Restore(ProfileBoardSnapshot snapshot) => _board = ProfileBoard.FromSnapshot(snapshot);
}
