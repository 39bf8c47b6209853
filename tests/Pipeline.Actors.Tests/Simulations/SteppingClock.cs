namespace Pipeline.Actors.Tests.Simulations;

/// <summary>A clock that moves on by <paramref name="step"/> each time it is read: the emulator's
/// records then arrive <paramref name="step"/> apart, the same on every run.</summary>
internal sealed class SteppingClock(DateTimeOffset start, TimeSpan step) : TimeProvider
{
    private long _reads;

    public override DateTimeOffset GetUtcNow() => start + (step * (Interlocked.Increment(ref _reads) - 1));
}
