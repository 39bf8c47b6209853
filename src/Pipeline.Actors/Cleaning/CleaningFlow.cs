using Akka;
using Akka.Streams.Dsl;
using Pipeline.Actors.Records;

namespace Pipeline.Actors.Cleaning;

/// <summary>The stream stage every source plugs into: raw records in, cleaning outcomes out, in order.</summary>
public static class CleaningFlow
{
    /// <summary>
    /// Cleans each record with <see cref="RecordCleaner.Clean"/>. Cleaning never throws, so a
    /// quarantined record is just another element and never stops the stream.
    /// </summary>
    public static Flow<RawRecord, Cleaned, NotUsed> Create() =>
        Flow.Create<RawRecord>().Select(RecordCleaner.Clean).Named("cleaning");
}
