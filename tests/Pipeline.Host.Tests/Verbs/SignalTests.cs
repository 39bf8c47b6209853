using System.Text.RegularExpressions;
using Xunit;

namespace Pipeline.Host.Tests.Verbs;

/// <summary>The real process stops gracefully on SIGTERM (as Kubernetes stops a pod): it drains,
/// prints its final counts and exits 0.</summary>
public class SignalTests
{
    [Fact]
    public async Task Sigterm_drains_and_exits_0()
    {
        await using var engine = RunningEngine.StartProcess(new Dictionary<string, string>(), "--emulate", "--rate", "50");
        await engine.Eventually(() => Task.FromResult(
            Regex.IsMatch(engine.Error, @"^[1-9][\d,]* records, .* clean, ", RegexOptions.Multiline) ? "emulating" : null));

        var exitCode = await engine.StopAsync();

        Assert.Equal(0, exitCode);
        Assert.Contains("\npin clean ", engine.Error);
    }
}
