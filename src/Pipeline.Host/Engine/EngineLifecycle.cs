namespace Pipeline.Host.Engine;

/// <summary>Where this node's engine is in its life, for readiness and for HTTP ingest: it is
/// <see cref="EnginePhase.Running"/> once it joined the cluster and started its parts, and
/// <see cref="EnginePhase.Draining"/> from the first shutdown phase on, never running again.</summary>
public sealed class EngineLifecycle
{
    private int _phase = (int)EnginePhase.Starting;

    public EnginePhase Phase => (EnginePhase)Volatile.Read(ref _phase);

    public bool IsDraining => Phase == EnginePhase.Draining;

    /// <summary>Marks the engine running, unless it already began draining.</summary>
    public void Started() => Interlocked.CompareExchange(ref _phase, (int)EnginePhase.Running, (int)EnginePhase.Starting);

    public void BeginDraining() => Volatile.Write(ref _phase, (int)EnginePhase.Draining);
}

public enum EnginePhase
{
    Starting,
    Running,
    Draining,
}
