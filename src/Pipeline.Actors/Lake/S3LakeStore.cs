using System.Net;
using Amazon;
using Amazon.Runtime;
using Amazon.S3;
using Amazon.S3.Model;

namespace Pipeline.Actors.Lake;

/// <summary>
/// The lake in an S3 bucket (or an S3-compatible endpoint such as s3rver), under an optional key
/// prefix. A put is durable when S3 acknowledged it. Credentials come from the AWS default chain
/// unless given (tests pass the emulator's key pair).
/// </summary>
public sealed class S3LakeStore : ILakeStore, IDisposable
{
    private readonly IAmazonS3 _client;
    private readonly S3LakeSettings _settings;

    public S3LakeStore(S3LakeSettings settings, AWSCredentials? credentials = null)
    {
        _settings = settings;
        var config = new AmazonS3Config
        {
            ForcePathStyle = settings.PathStyle,
            MaxErrorRetry = settings.SdkMaxRetries,
            Timeout = settings.RequestTimeout,
            // Emulators do not understand the streaming checksum trailers newer SDKs send by default.
            RequestChecksumCalculation = RequestChecksumCalculation.WHEN_REQUIRED,
            ResponseChecksumValidation = ResponseChecksumValidation.WHEN_REQUIRED,
        };
        if (settings.Endpoint is { } endpoint)
        {
            config.ServiceURL = endpoint;
            config.AuthenticationRegion = settings.Region;
        }
        else
        {
            config.RegionEndpoint = RegionEndpoint.GetBySystemName(settings.Region);
        }

        _client = credentials is null ? new AmazonS3Client(config) : new AmazonS3Client(credentials, config);
    }

    public string Location => _settings.Prefix.Length == 0 ? $"s3://{_settings.Bucket}" : $"s3://{_settings.Bucket}/{_settings.Prefix}";

    public async Task PutAsync(string key, ReadOnlyMemory<byte> content, CancellationToken cancellationToken = default)
    {
        var request = new PutObjectRequest
        {
            BucketName = _settings.Bucket,
            Key = FullKey(key),
            InputStream = new MemoryStream(content.ToArray(), writable: false),
            AutoCloseStream = true,
            // Whole-body signing: emulators store aws-chunked bodies verbatim instead of decoding them.
            UseChunkEncoding = false,
        };
        if (_settings.ServerSideEncryption is { } sse)
        {
            request.ServerSideEncryptionMethod = ServerSideEncryptionMethod.FindValue(sse);
            if (_settings.KmsKeyId is { } kmsKey)
                request.ServerSideEncryptionKeyManagementServiceKeyId = kmsKey;
        }

        await _client.PutObjectAsync(request, cancellationToken);
    }

    public async Task<byte[]?> GetAsync(string key, CancellationToken cancellationToken = default)
    {
        try
        {
            using var response = await _client.GetObjectAsync(_settings.Bucket, FullKey(key), cancellationToken);
            using var buffer = new MemoryStream();
            await response.ResponseStream.CopyToAsync(buffer, cancellationToken);
            return buffer.ToArray();
        }
        catch (AmazonS3Exception e) when (e.StatusCode == HttpStatusCode.NotFound)
        {
            return null;
        }
    }

    public async Task<IReadOnlyList<string>> ListAsync(string prefix, CancellationToken cancellationToken = default)
    {
        var keys = new List<string>();
        var request = new ListObjectsV2Request { BucketName = _settings.Bucket, Prefix = FullKey(prefix) };
        var strip = _settings.Prefix.Length == 0 ? 0 : _settings.Prefix.Length + 1;
        while (true)
        {
            var response = await _client.ListObjectsV2Async(request, cancellationToken);
            foreach (var item in response.S3Objects ?? [])
                keys.Add(item.Key[strip..]);
            if (response.IsTruncated != true)
                break;
            request.ContinuationToken = response.NextContinuationToken;
        }

        keys.Sort(StringComparer.Ordinal);
        return keys;
    }

    public void Dispose() => _client.Dispose();

    private string FullKey(string key) => _settings.Prefix.Length == 0 ? key : $"{_settings.Prefix}/{key}";
}
