namespace Pipeline.Actors.Emulation;

public enum EmulatorMode
{
    /// <summary>Generated posts, deterministic for a seed.</summary>
    Synthetic,

    /// <summary>Posts read back from pin/geo/user JSONL files.</summary>
    Replay,
}
