using System.Text;
using Pipeline.Host.Cli;

namespace Pipeline.Host.Tests.Verbs;

/// <summary>Runs one <c>pipeline</c> command line in-process with captured standard streams.</summary>
public sealed record VerbRun(int ExitCode, string Out, string Error)
{
    public static async Task<VerbRun> WithInput(string stdin, params string[] args)
    {
        var stdout = new MemoryStream();
        var outText = new StringWriter();
        var errorText = new StringWriter();
        var terminal = new Terminal(outText, errorText,
            () => new MemoryStream(Encoding.UTF8.GetBytes(stdin)), () => new NonClosing(stdout));
        var exit = await new CommandLine(Pipeline.Host.Verbs.Verbs.All).RunAsync(args, terminal, CancellationToken.None);
        return new VerbRun(exit, outText + Encoding.UTF8.GetString(stdout.ToArray()), errorText.ToString());
    }

    public static Task<VerbRun> Of(params string[] args) => WithInput("", args);

    /// <summary>Keeps the captured stdout readable after the verb disposes its stream.</summary>
    private sealed class NonClosing(Stream inner) : Stream
    {
        public override bool CanRead => false;
        public override bool CanSeek => false;
        public override bool CanWrite => true;
        public override long Length => inner.Length;
        public override long Position { get => inner.Position; set => throw new NotSupportedException(); }
        public override void Flush() => inner.Flush();
        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => inner.Write(buffer, offset, count);
    }
}
