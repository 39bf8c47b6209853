using Akka.Event;

namespace Pipeline.Actors.Lake;

/// <summary>
/// Retries every operation of an inner store until it succeeds, waiting between attempts with a
/// back-off that doubles from <paramref name="minBackoff"/> to <paramref name="maxBackoff"/>. The
/// caller waits meanwhile, which is how an unavailable S3 back-pressures the sink and its source;
/// only cancellation ends the wait.
/// </summary>
public sealed class RetryingLakeStore(ILakeStore inner, TimeSpan minBackoff, TimeSpan maxBackoff, ILoggingAdapter? log = null) : ILakeStore
{
    private readonly ILoggingAdapter _log = log ?? NoLogger.Instance;

    public string Location => inner.Location;

    public Task PutAsync(string key, ReadOnlyMemory<byte> content, CancellationToken cancellationToken = default) =>
        Retry(async () => { await inner.PutAsync(key, content, cancellationToken); return true; }, "put " + key, cancellationToken);

    public Task<byte[]?> GetAsync(string key, CancellationToken cancellationToken = default) =>
        Retry(() => inner.GetAsync(key, cancellationToken), "get " + key, cancellationToken);

    public Task<IReadOnlyList<string>> ListAsync(string prefix, CancellationToken cancellationToken = default) =>
        Retry(() => inner.ListAsync(prefix, cancellationToken), "list " + prefix, cancellationToken);

    private async Task<T> Retry<T>(Func<Task<T>> operation, string what, CancellationToken cancellationToken)
    {
        var backoff = minBackoff;
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await operation();
            }
            catch (Exception e) when (!cancellationToken.IsCancellationRequested && e is not ArgumentException)
            {
                _log.Warning("Lake store {0}: {1} failed (attempt {2}), retrying in {3}: {4}", inner.Location, what, attempt, backoff, e.Message);
                await Task.Delay(backoff, cancellationToken);
                backoff = TimeSpan.FromTicks(Math.Min(backoff.Ticks * 2, maxBackoff.Ticks));
            }
        }
    }
}
