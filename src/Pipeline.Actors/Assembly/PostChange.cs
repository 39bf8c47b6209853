namespace Pipeline.Actors.Assembly;

/// <summary>
/// What the assembler tells live state about one post: its contribution changes from
/// <see cref="Previous"/> (null when the post is new) to <see cref="Current"/>. Consumers remove
/// what <see cref="Previous"/> contributed and add what <see cref="Current"/> contributes.
/// <see cref="Bucket"/> and <see cref="Sequence"/> identify the change: each bucket numbers its
/// changes 1, 2, 3, ... deterministically from its input, so a consumer that remembers the highest
/// sequence applied per bucket ignores the same change replayed after a crash.
/// </summary>
public sealed record PostChange(int Bucket, long Sequence, AssembledPost? Previous, AssembledPost Current);
