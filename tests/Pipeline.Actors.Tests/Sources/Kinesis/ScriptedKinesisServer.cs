using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Pipeline.Actors.Tests.Sources.Kinesis;

/// <summary>
/// An HTTP server on 127.0.0.1 that answers Kinesis operations from a script, for what kinesalite
/// cannot do (it never throttles or fails). The script gets the operation and how many times it was
/// called before; every request is recorded with its time and Authorization header.
/// </summary>
internal sealed class ScriptedKinesisServer : IDisposable
{
    private readonly HttpListener _listener = new();
    private readonly Func<string, int, (HttpStatusCode Status, string Body)> _script;
    private readonly Dictionary<string, int> _calls = new();
    private readonly List<Request> _requests = new();
    private readonly Task _serving;

    public ScriptedKinesisServer(Func<string, int, (HttpStatusCode Status, string Body)> script)
    {
        _script = script;
        var port = FreePort();
        Endpoint = new Uri($"http://127.0.0.1:{port}/");
        _listener.Prefixes.Add(Endpoint.ToString());
        _listener.Start();
        _serving = Task.Run(ServeAsync);
    }

    public sealed record Request(DateTime At, string Operation, string? Authorization, string Body);

    public Uri Endpoint { get; }

    public IReadOnlyList<Request> Requests
    {
        get
        {
            lock (_requests)
            {
                return _requests.ToList();
            }
        }
    }

    public void Dispose()
    {
        _listener.Stop();
        _listener.Close();
        _serving.Wait(TimeSpan.FromSeconds(5));
    }

    private async Task ServeAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception) when (!_listener.IsListening)
            {
                return;
            }
            catch (ObjectDisposedException)
            {
                return;
            }

            var target = context.Request.Headers["X-Amz-Target"] ?? "";
            var operation = target[(target.IndexOf('.') + 1)..];
            using var reader = new StreamReader(context.Request.InputStream, Encoding.UTF8);
            var body = await reader.ReadToEndAsync();
            int before;
            lock (_requests)
            {
                _requests.Add(new Request(DateTime.UtcNow, operation, context.Request.Headers["Authorization"], body));
                before = _calls.GetValueOrDefault(operation);
                _calls[operation] = before + 1;
            }

            var (status, answer) = _script(operation, before);
            var bytes = Encoding.UTF8.GetBytes(answer);
            context.Response.StatusCode = (int)status;
            context.Response.ContentType = "application/x-amz-json-1.1";
            context.Response.ContentLength64 = bytes.Length;
            await context.Response.OutputStream.WriteAsync(bytes);
            context.Response.Close();
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
