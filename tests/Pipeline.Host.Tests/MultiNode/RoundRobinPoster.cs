using System.Net;
using System.Net.Sockets;
using Pipeline.Actors.Records;
using Pipeline.Host.Ingest;
using Pipeline.Host.Tests.Verbs;

namespace Pipeline.Host.Tests.MultiNode;

/// <summary>
/// Posts records over the nodes of a cluster as a load balancer in front of them would: round robin
/// over the nodes in rotation, several requests at a time. A node that refuses a record before
/// taking it (503 while it drains, connection refused once it is gone) leaves the rotation and the
/// record goes to the next node. Any other failure fails the post: its outcome is unknown, and a
/// retry could write the record twice.
/// </summary>
public sealed class RoundRobinPoster(string prefix, IEnumerable<RunningEngine> nodes)
{
    private readonly List<RunningEngine> _rotation = [.. nodes];
    private long _next;
    private long _posted;

    /// <summary>Records acknowledged so far.</summary>
    public long Posted => Interlocked.Read(ref _posted);

    /// <summary>Takes a node out of the rotation; requests already sent to it still finish.</summary>
    public void Remove(RunningEngine node)
    {
        lock (_rotation)
            _rotation.Remove(node);
    }

    public Task PostAsync(IEnumerable<(Table Table, string Json)> records, CancellationToken cancellation = default) =>
        Parallel.ForEachAsync(records, new ParallelOptions { MaxDegreeOfParallelism = 4, CancellationToken = cancellation }, async (record, token) =>
        {
            while (true)
            {
                var node = NextNode();
                try
                {
                    await new IngestClient(node.Http, prefix, kinesis: false).PostAsync(record.Table, record.Json, token);
                    Interlocked.Increment(ref _posted);
                    return;
                }
                catch (HttpRequestException refused) when (refused.StatusCode == HttpStatusCode.ServiceUnavailable
                    || refused.InnerException is SocketException { SocketErrorCode: SocketError.ConnectionRefused })
                {
                    Remove(node);
                }
            }
        });

    private RunningEngine NextNode()
    {
        lock (_rotation)
        {
            if (_rotation.Count == 0)
                throw new InvalidOperationException("no node is left in the rotation");
            return _rotation[(int)(_next++ % _rotation.Count)];
        }
    }
}
