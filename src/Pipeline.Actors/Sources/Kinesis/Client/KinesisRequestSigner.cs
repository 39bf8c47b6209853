using Amazon.Runtime;
using Amazon.Runtime.Endpoints;
using Amazon.Runtime.Internal;
using Amazon.Runtime.Internal.Auth;

namespace Pipeline.Actors.Sources.Kinesis.Client;

/// <summary>
/// Signs a Kinesis request with AWSSDK.Core's SigV4 signer. The signer works on the SDK's own request
/// and client-configuration types, so this fills those in and hands back the headers to send.
/// </summary>
internal sealed class KinesisRequestSigner(Uri endpoint, string region)
{
    private readonly AWS4Signer _signer = new();

    public SigningConfig Config { get; } = new(endpoint, region);

    /// <returns>Every header to send, including <c>Authorization</c>, <c>X-Amz-Date</c> and
    /// <c>Host</c>; <c>Content-Type</c> belongs on the content.</returns>
    public IDictionary<string, string> Sign(string target, byte[] body, ImmutableCredentials credentials)
    {
        var request = new DefaultRequest(new Operation(), "Kinesis")
        {
            HttpMethod = "POST",
            Endpoint = endpoint,
            ResourcePath = "/",
            Content = body,
        };
        request.Headers["Content-Type"] = KinesisClient.ContentType;
        request.Headers["X-Amz-Target"] = target;
        if (credentials.UseToken)
        {
            request.Headers["X-Amz-Security-Token"] = credentials.Token;
        }

        var result = _signer.SignRequest(request, Config, null, credentials.AccessKey, credentials.SecretKey);
        request.Headers["Authorization"] = result.ForAuthorizationHeader;
        return request.Headers;
    }

    private sealed class Operation : AmazonWebServiceRequest;

    /// <summary>What the signer reads from a client configuration: service name, region, endpoint.
    /// Also the source of the retry settings (<see cref="ClientConfig.MaxErrorRetry"/>).</summary>
    internal sealed class SigningConfig : ClientConfig
    {
        public SigningConfig(Uri endpoint, string region)
            : base(new DefaultConfigurationProvider([new DefaultConfiguration { Name = DefaultConfigurationMode.Standard, RetryMode = RequestRetryMode.Standard }]))
        {
            ServiceURL = endpoint.ToString();
            AuthenticationRegion = region;
            AuthenticationServiceName = "kinesis";
        }

        public override string ServiceVersion => "2013-12-02";

        public override string UserAgent => "pipeline-kinesis";

        public override string RegionEndpointServiceName => "kinesis";

        public override Endpoint DetermineServiceOperationEndpoint(ServiceOperationEndpointParameters parameters) => new(ServiceURL);
    }
}
