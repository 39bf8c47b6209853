using System.Runtime.InteropServices;
using Pipeline.Host.Cli;
using Pipeline.Host.Verbs;

using var cancellation = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    // The first Ctrl+C stops the verb gracefully; a second one kills the process.
    e.Cancel = !cancellation.IsCancellationRequested;
    cancellation.Cancel();
};

// SIGTERM (Kubernetes stopping a pod) stops gracefully too, within the pod's grace period.
using var terminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, signal =>
{
    signal.Cancel = true;
    cancellation.Cancel();
});

var commandLine = new CommandLine(Verbs.All);
return await commandLine.RunAsync(args, Terminal.Console(), cancellation.Token);
