using Akka.Actor;
using Pipeline.Actors.Checkpoints;

namespace Pipeline.Actors.Leaderboards;

/// <summary>The sharded entity of the categories board (entity id <see cref="BoardIds.Categories"/>).</summary>
public sealed class CategoryBoardEntity : CheckpointedEntity<CategoryBoardSnapshot>
{
    private CategoryBoard _board = new();

    public CategoryBoardEntity(TimeSpan passivateAfter)
        : base("category-board", passivateAfter)
    {
        Command<UpdateCategoryBoard>(request =>
        {
            foreach (var changed in request.Changes)
                _board.Update(changed);
            MarkChanged();
            Sender.Tell(new BoardUpdated(BoardIds.Categories));
        });
        Command<GetBoardClock>(_ => Sender.Tell(new BoardClock(_board.Clock)));
        Command<GetTopCategories>(request => Sender.Tell(
            new TopCategories(request.Window.Name, _board.Top(request.Window, request.Top, request.AsOf))));
    }

    public static Props Props(TimeSpan passivateAfter) => Akka.Actor.Props.Create(() => new CategoryBoardEntity(passivateAfter));

    protected override CategoryBoardSnapshot ToSnapshot() => _board.ToSnapshot();

    protected override void Restore(CategoryBoardSnapshot snapshot) => _board = CategoryBoard.FromSnapshot(snapshot);
}
