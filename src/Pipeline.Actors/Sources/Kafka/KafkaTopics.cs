using System.Text.RegularExpressions;
using Pipeline.Actors.Records;

namespace Pipeline.Actors.Sources.Kafka;

/// <summary>The topic layout: one topic per table, <c>&lt;prefix&gt;.&lt;table&gt;</c>, as the original
/// clients wrote them (their user id as prefix).</summary>
public static partial class KafkaTopics
{
    /// <summary>Matches the topics of any prefix. librdkafka treats a subscription starting with
    /// <c>^</c> as a regular expression.</summary>
    public const string AnyPrefixPattern = @"^.+\.(pin|geo|user)$";

    public static string Name(string prefix, Table table) => $"{prefix}.{table.Name()}";

    /// <summary>The table of a topic named <c>&lt;prefix&gt;.&lt;table&gt;</c>.</summary>
    public static bool TryParseTable(string topic, out Table table)
    {
        var dot = topic.LastIndexOf('.');
        table = default;
        return dot > 0 && TableNames.TryParse(topic[(dot + 1)..], out table);
    }

    /// <summary>What a consumer subscribes to: the topics of the given prefixes, or the pattern of
    /// any prefix when none are given.</summary>
    public static IReadOnlyList<string> Subscription(IReadOnlyList<string> prefixes) =>
        prefixes.Count == 0
            ? [AnyPrefixPattern]
            : prefixes.SelectMany(prefix => Enum.GetValues<Table>().Select(table => Name(prefix, table))).ToList();

    /// <summary>Kafka topic names allow only ASCII letters, digits, '.', '_' and '-', up to 249 characters.</summary>
    public static bool IsValidPrefix(string prefix) => prefix.Length <= 240 && LegalTopicName().IsMatch(prefix);

    [GeneratedRegex("^[A-Za-z0-9._-]+$")]
    private static partial Regex LegalTopicName();
}
