using System.Net;

namespace Pipeline.Actors.Sources.Kinesis.Client;

/// <summary>An error Kinesis answered with. <see cref="ErrorCode"/> is the protocol's error type
/// (e.g. <c>ResourceNotFoundException</c>); the subclasses name the ones callers act on.</summary>
public class KinesisException(string errorCode, string message, HttpStatusCode statusCode)
    : Exception($"{errorCode}: {message}")
{
    public string ErrorCode { get; } = errorCode;

    public HttpStatusCode StatusCode { get; } = statusCode;

    /// <summary>The typed exception for an error the service returned.</summary>
    internal static KinesisException From(string errorCode, string message, HttpStatusCode statusCode) => errorCode switch
    {
        "ResourceNotFoundException" => new KinesisResourceNotFoundException(message, statusCode),
        "ResourceInUseException" => new KinesisResourceInUseException(message, statusCode),
        "ProvisionedThroughputExceededException" => new KinesisThroughputExceededException(message, statusCode),
        "ExpiredIteratorException" => new KinesisExpiredIteratorException(message, statusCode),
        "LimitExceededException" => new KinesisLimitExceededException(message, statusCode),
        "InvalidArgumentException" => new KinesisInvalidArgumentException(message, statusCode),
        _ => new KinesisException(errorCode, message, statusCode),
    };
}

public sealed class KinesisResourceNotFoundException(string message, HttpStatusCode statusCode)
    : KinesisException("ResourceNotFoundException", message, statusCode);

public sealed class KinesisResourceInUseException(string message, HttpStatusCode statusCode)
    : KinesisException("ResourceInUseException", message, statusCode);

/// <summary>The shard's read or write limit was exceeded; wait and try again.</summary>
public sealed class KinesisThroughputExceededException(string message, HttpStatusCode statusCode)
    : KinesisException("ProvisionedThroughputExceededException", message, statusCode);

/// <summary>A shard iterator older than five minutes was used; get a new one.</summary>
public sealed class KinesisExpiredIteratorException(string message, HttpStatusCode statusCode)
    : KinesisException("ExpiredIteratorException", message, statusCode);

public sealed class KinesisLimitExceededException(string message, HttpStatusCode statusCode)
    : KinesisException("LimitExceededException", message, statusCode);

public sealed class KinesisInvalidArgumentException(string message, HttpStatusCode statusCode)
    : KinesisException("InvalidArgumentException", message, statusCode);
