using Amazon.Runtime;
using Amazon.Runtime.Internal;

namespace Pipeline.Actors.Sources.Kinesis.Client;

/// <summary>
/// AWSSDK.Core's standard retry policy, used outside the SDK's request pipeline: it says which errors
/// are throttling or otherwise worth retrying, and how long to wait (exponential back-off with full
/// jitter, capped at the policy's maximum).
/// </summary>
internal sealed class KinesisRetryPolicy(IClientConfig config) : StandardRetryPolicy(config)
{
    public bool IsThrottling(string errorCode) => ThrottlingErrorCodes.Contains(errorCode);

    /// <summary>Throttling, the service's transient error codes, and server-side failures.</summary>
    public bool IsRetryable(KinesisException error) =>
        IsThrottling(error.ErrorCode) || ErrorCodesToRetryOn.Contains(error.ErrorCode) || (int)error.StatusCode >= 500;

    /// <param name="retry">1 for the first retry.</param>
    public TimeSpan DelayBefore(int retry, TimeSpan max)
    {
        // The replacement overload needs the SDK pipeline's execution context, which a client that
        // sends its own requests does not have; this one computes the same legacy back-off.
#pragma warning disable CS0618
        var milliseconds = CalculateRetryDelay(retry, (int)Math.Min(max.TotalMilliseconds, int.MaxValue));
#pragma warning restore CS0618
        return TimeSpan.FromMilliseconds(milliseconds);
    }
}
