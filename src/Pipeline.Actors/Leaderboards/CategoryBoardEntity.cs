using Akka.Actor;
using Pipeline.Actors.Checkpoints;
using Pipeline.Actors.Live;

namespace Pipeline.Actors.Leaderboards;

/// <summary>The sharded entity of the categories board (entity id <see cref="BoardIds.Categories"/>).</summary>
public sealed class CategoryBoardEntity : CheckpointedEntity<CategoryBoardSnapshot>
{
    private CategoryBoard _board = new();

    public CategoryBoardEntity(IdleSweep idle)
        : base("category-board", idle)
    {
    }

    public static Props Props(IdleSweep idle) => EntityMailbox.EntityProps<CategoryBoardEntity>(idle);

    protected override bool OnEntityCommand(object message)
    {
        switch (message)
        {
            case UpdateCategoryBoard request:
                foreach (var changed in request.Changes)
                    _board.Update(changed);
                MarkChanged();
                Sender.Tell(new BoardUpdated(BoardIds.Categories));
                return true;
            case GetBoardClock:
                Sender.Tell(new BoardClock(_board.Clock));
                return true;
            case GetTopCategories request:
                Sender.Tell(new TopCategories(request.Window.Name, _board.Top(request.Window, request.Top, request.AsOf)));
                return true;
            default:
                return false;
        }
    }

    protected override CategoryBoardSnapshot ToSnapshot() => _board.ToSnapshot();

    protected override void Restore(CategoryBoardSnapshot snapshot) => _board = CategoryBoard.FromSnapshot(snapshot);
}
