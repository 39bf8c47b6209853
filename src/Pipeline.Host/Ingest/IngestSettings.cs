using Akka.Configuration;

namespace Pipeline.Host.Ingest;

/// <summary>The HTTP ingest endpoints' settings, from <c>pipeline.http</c>.</summary>
public sealed record IngestSettings(string Urls, int MaxBodyBytes)
{
    public static IngestSettings FromConfig(Config config)
    {
        var http = config.GetConfig("pipeline.http");
        var urls = Environment.GetEnvironmentVariable("PIPELINE_HTTP_URLS") ?? http.GetString("urls");
        var maxBody = http.GetByteSize("max-body") ?? throw new ConfigurationException("pipeline.http.max-body is required");
        if (maxBody is < 1 or > int.MaxValue)
            throw new ConfigurationException("pipeline.http.max-body must be between 1 byte and 2 GiB");
        return new IngestSettings(urls, (int)maxBody);
    }
}
