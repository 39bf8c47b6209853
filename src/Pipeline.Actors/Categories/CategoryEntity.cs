using Akka.Actor;
using Pipeline.Actors.Assembly;
using Pipeline.Actors.Checkpoints;
using Pipeline.Actors.Live;

namespace Pipeline.Actors.Categories;

/// <summary>The sharded entity of one category (entity id: the category). Answers
/// <see cref="ApplyPostChanges"/> with <see cref="CategoryChanged"/>.</summary>
public sealed class CategoryEntity : PostChangeConsumer<CategorySnapshot>
{
    private CategoryState _state;

    public CategoryEntity(string category, IdleSweep idle)
        : base("category-" + category, idle)
    {
        _state = new CategoryState(category);
    }

    public static Props Props(string category, IdleSweep idle) =>
        EntityMailbox.EntityProps<CategoryEntity>(category, idle);

    protected override bool OnQuery(object message)
    {
        if (message is not GetCategory request)
            return false;
        Sender.Tell(_state.Posts == 0 ? new CategoryNotFound(_state.Category) : _state.View(request.AsOf));
        return true;
    }

    protected override AppliedChanges Applied => _state.Applied;

    protected override bool Apply(PostChange change) => _state.Apply(change);

    protected override object Report(IReadOnlyList<PostChange> changes) => _state.Changed(changes);

    protected override CategorySnapshot ToSnapshot() => _state.ToSnapshot();

    protected override void Restore(CategorySnapshot snapshot) => _state = CategoryState.FromSnapshot(snapshot);
}
