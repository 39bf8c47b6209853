using System.Buffers;
using System.IO.Pipelines;
using System.Runtime.CompilerServices;

namespace Pipeline.Actors.Records;

/// <summary>Reads a JSON Lines stream as raw UTF-8 lines, without decoding or parsing them: each
/// line is one record for the cleaner, which decides what it is.</summary>
public static class JsonLines
{
    /// <summary>The non-blank lines of <paramref name="input"/> with their 1-based line numbers; a
    /// trailing carriage return is dropped. Each line is a copy its consumer may keep.</summary>
    public static async IAsyncEnumerable<(long LineNumber, byte[] Line)> ReadAsync(Stream input, [EnumeratorCancellation] CancellationToken cancellation = default)
    {
        var reader = PipeReader.Create(input, new StreamPipeReaderOptions(bufferSize: 64 * 1024, leaveOpen: true));
        var lineNumber = 0L;
        try
        {
            while (true)
            {
                var result = await reader.ReadAsync(cancellation);
                var buffer = result.Buffer;
                while (TryTakeLine(ref buffer, out var line))
                {
                    lineNumber++;
                    if (Trimmed(line) is { Length: > 0 } bytes)
                        yield return (lineNumber, bytes);
                }

                if (result.IsCompleted)
                {
                    if (!buffer.IsEmpty)
                    {
                        lineNumber++;
                        if (Trimmed(buffer) is { Length: > 0 } last)
                            yield return (lineNumber, last);
                    }

                    yield break;
                }

                reader.AdvanceTo(buffer.Start, buffer.End);
            }
        }
        finally
        {
            await reader.CompleteAsync();
        }
    }

    private static bool TryTakeLine(ref ReadOnlySequence<byte> buffer, out ReadOnlySequence<byte> line)
    {
        var end = buffer.PositionOf((byte)'\n');
        if (end is null)
        {
            line = default;
            return false;
        }

        line = buffer.Slice(0, end.Value);
        buffer = buffer.Slice(buffer.GetPosition(1, end.Value));
        return true;
    }

    private static byte[] Trimmed(ReadOnlySequence<byte> line)
    {
        var bytes = line.ToArray();
        var length = bytes.Length;
        if (length > 0 && bytes[length - 1] == (byte)'\r')
            length--;
        if (bytes.AsSpan(0, length).Trim(" \t"u8).IsEmpty)
            return [];
        return length == bytes.Length ? bytes : bytes[..length];
    }
}
