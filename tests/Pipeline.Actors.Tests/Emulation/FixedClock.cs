namespace Pipeline.Actors.Tests.Emulation;

/// <summary>A clock that always answers the same instant, so "now" in the emulator is repeatable.</summary>
internal sealed class FixedClock(DateTimeOffset now) : TimeProvider
{
    public static FixedClock Default { get; } = new(new DateTimeOffset(2026, 11, 25, 12, 0, 0, TimeSpan.Zero));

    public override DateTimeOffset GetUtcNow() => now;
}
