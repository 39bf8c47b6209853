using System.Diagnostics;
using Xunit;

namespace Pipeline.Host.Tests.Verbs;

/// <summary>The real process stops gracefully on SIGTERM (as Kubernetes stops a pod): it drains,
/// prints its final counts and exits 0.</summary>
public class SignalTests
{
    [Fact]
    public async Task Sigterm_drains_and_exits_0()
    {
        using var folder = new EngineFolder();
        var start = new ProcessStartInfo("dotnet") { RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var arg in new[] { Path.Combine(AppContext.BaseDirectory, "pipeline.dll"), "run", "--urls", "http://127.0.0.1:0", "--config", folder.Config, "--emulate", "--rate", "50" })
            start.ArgumentList.Add(arg);
        using var process = Process.Start(start)!;
        var error = new List<string>();
        var emulating = new TaskCompletionSource();
        process.ErrorDataReceived += (_, line) =>
        {
            if (line.Data is null)
                return;
            lock (error)
                error.Add(line.Data);
            if (line.Data.Contains(" clean, ", StringComparison.Ordinal) && !line.Data.StartsWith("0 records", StringComparison.Ordinal))
                emulating.TrySetResult();
        };
        process.BeginErrorReadLine();
        process.BeginOutputReadLine();
        await emulating.Task.WaitAsync(TimeSpan.FromSeconds(90));

        using (var kill = Process.Start("kill", ["-TERM", process.Id.ToString()]))
            await kill.WaitForExitAsync();
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(90));

        Assert.Equal(0, process.ExitCode);
        lock (error)
            Assert.Contains(error, line => line.StartsWith("pin clean ", StringComparison.Ordinal));
    }
}
