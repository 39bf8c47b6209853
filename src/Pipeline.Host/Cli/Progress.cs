using System.Diagnostics;

namespace Pipeline.Host.Cli;

/// <summary>
/// Shows a long run's progress on stderr: records per second and the counts the verb reports. On an
/// interactive terminal one line is redrawn in place; otherwise a line is printed each interval.
/// </summary>
public sealed class Progress : IAsyncDisposable
{
    private readonly Terminal _terminal;
    private readonly Func<(long Records, string Counts)> _read;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;
    private readonly Stopwatch _clock = Stopwatch.StartNew();

    public Progress(Terminal terminal, TimeSpan interval, Func<(long Records, string Counts)> read)
    {
        _terminal = terminal;
        _read = read;
        _loop = Loop(interval);
    }

    private async Task Loop(TimeSpan interval)
    {
        using var timer = new PeriodicTimer(interval);
        var last = 0L;
        var lastAt = TimeSpan.Zero;
        try
        {
            while (await timer.WaitForNextTickAsync(_stop.Token))
            {
                var (records, counts) = _read();
                var now = _clock.Elapsed;
                var rate = (records - last) / Math.Max((now - lastAt).TotalSeconds, 1e-9);
                (last, lastAt) = (records, now);
                await Write($"{records:N0} records, {rate:N0}/s; {counts}", final: false);
            }
        }
        catch (OperationCanceledException)
        {
            // Stopped: the final line is written by DisposeAsync.
        }
    }

    private Task Write(string line, bool final)
    {
        if (_terminal.ErrorIsInteractive)
            return _terminal.Error.WriteAsync($"\r\u001b[K{line}{(final ? Environment.NewLine : "")}");
        return _terminal.Error.WriteLineAsync(line);
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _loop;
        var (records, counts) = _read();
        var seconds = _clock.Elapsed.TotalSeconds;
        await Write($"{records:N0} records in {seconds:N1} s ({records / Math.Max(seconds, 1e-9):N0}/s); {counts}", final: true);
        _stop.Dispose();
    }
}
