using Microsoft.Extensions.Hosting;

namespace Pipeline.Host.Engine;

/// <summary>A host lifetime that leaves signals alone: the verb owns Ctrl+C and SIGTERM and stops the
/// host itself once the engine has drained.</summary>
public sealed class VerbLifetime : IHostLifetime
{
    public Task WaitForStartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
