using System.Text.Json.Serialization;
using Pipeline.Actors.Categories;
using Pipeline.Actors.Leaderboards;
using Pipeline.Actors.Profiles;

namespace Pipeline.Host.Api;

/// <summary>Source-generated JSON of the query answers, in the API's snake_case.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower)]
[JsonSerializable(typeof(ProfileView))]
[JsonSerializable(typeof(CategoryView))]
[JsonSerializable(typeof(TopProfiles))]
[JsonSerializable(typeof(TopCategories))]
[JsonSerializable(typeof(QueryError))]
[JsonSerializable(typeof(MetricList))]
internal sealed partial class QueryJsonContext : JsonSerializerContext;

/// <summary>The body of a refused or failed query.</summary>
internal sealed record QueryError(string Message);

/// <summary><c>GET /api/metrics</c>.</summary>
internal sealed record MetricList(IReadOnlyList<string> Metrics);
