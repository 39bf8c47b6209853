using Akka.Actor;
using Pipeline.Actors.Assembly;
using Pipeline.Actors.Checkpoints;

namespace Pipeline.Actors.Categories;

/// <summary>The sharded entity of one category (entity id: the category). Answers
/// <see cref="ApplyPostChanges"/> with <see cref="CategoryChanged"/>.</summary>
public sealed class CategoryEntity : PostChangeConsumer<CategorySnapshot>
{
    private CategoryState _state;

    public CategoryEntity(string category, TimeSpan passivateAfter)
        : base("category-" + category, passivateAfter)
    {
        _state = new CategoryState(category);
        Command<GetCategory>(request => Sender.Tell(_state.Posts == 0
            ? new CategoryNotFound(_state.Category)
            : _state.View(request.AsOf)));
    }

    public static Props Props(string category, TimeSpan passivateAfter) =>
        Akka.Actor.Props.Create(() => new CategoryEntity(category, passivateAfter));

    protected override AppliedChanges Applied => _state.Applied;

    protected override bool Apply(PostChange change) => _state.Apply(change);

    protected override object Report(IReadOnlyList<PostChange> changes) => _state.Changed(changes);

    protected override CategorySnapshot ToSnapshot() => _state.ToSnapshot();

    protected override void Restore(CategorySnapshot snapshot) => _state = CategoryState.FromSnapshot(snapshot);
}
