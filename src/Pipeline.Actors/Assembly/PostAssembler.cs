using Akka.Actor;
using Pipeline.Actors.Checkpoints;

namespace Pipeline.Actors.Assembly;

/// <summary>
/// The sharded entity of one assembler bucket (entity id: the bucket number, post index modulo
/// <see cref="AssemblySettings.Buckets"/>). Joins the parts of its posts (<see cref="AssemblyBucket"/>)
/// and makes them durable at checkpoints. It never passivates: pending posts wait on its clock.
/// </summary>
public sealed class PostAssembler : CheckpointedEntity<AssemblyBucketSnapshot>
{
    private readonly AssemblySettings _settings;
    private AssemblyBucket _bucket;

    public PostAssembler(int bucket, AssemblySettings settings)
        : base($"post-assembler-{bucket}", TimeSpan.Zero)
    {
        _settings = settings;
        _bucket = new AssemblyBucket(bucket, settings);
        Command<AssembleRecords>(request =>
        {
            var changes = new List<PostChange>();
            foreach (var record in request.Records)
                changes.AddRange(_bucket.Accept(record.Record, record.Position));
            MarkChanged();
            Sender.Tell(new PostsAssembled(_bucket.Id, changes, _bucket.PendingCount));
        });
        Command<FlushPendingPosts>(_ =>
        {
            var changes = _bucket.Flush();
            if (changes.Count > 0)
                MarkChanged();
            Sender.Tell(new PostsAssembled(_bucket.Id, changes, _bucket.PendingCount));
        });
        Command<GetAssemblerStatus>(_ => Sender.Tell(
            new AssemblerStatus(_bucket.Id, _bucket.Sequence, _bucket.PendingCount, _bucket.RememberedCount, _bucket.Clock)));
    }

    public static Props Props(int bucket, AssemblySettings settings) =>
        Akka.Actor.Props.Create(() => new PostAssembler(bucket, settings));

    protected override AssemblyBucketSnapshot ToSnapshot() => _bucket.ToSnapshot();

    protected override void Restore(AssemblyBucketSnapshot snapshot) => _bucket = AssemblyBucket.FromSnapshot(snapshot, _settings);
}
