using System.Globalization;
using Akka.Actor;
using Akka.Configuration;
using Pipeline.Actors.Serialization;

namespace Pipeline.Bench;

/// <summary>
/// Two actor systems in this process joined by Akka.Remote over TCP on 127.0.0.1: a sender on one
/// keeps <see cref="Window"/> messages unacknowledged to an echo actor on the other, which answers
/// each with a number (an <see cref="long"/>, which Akka's own primitive serializer writes under
/// either configuration), so the serializer under test only carries the messages one way.
/// </summary>
internal sealed class RemotingRate : IDisposable
{
    /// <summary>Unacknowledged messages in flight: enough to keep the connection busy.</summary>
    public const int Window = 100;

    private static readonly TimeSpan StallTimeout = TimeSpan.FromSeconds(60);

    private readonly ActorSystem _sending;
    private readonly ActorSystem _receiving;
    private readonly IActorRef _echo;

    private RemotingRate(ActorSystem sending, ActorSystem receiving, IActorRef echo)
    {
        _sending = sending;
        _receiving = receiving;
        _echo = echo;
    }

    /// <summary>The engine's bindings: hocon/serialization.conf as the engine embeds it.</summary>
    public static Config PipelineBindings => SerializationDefaults.Config;

    /// <summary>
    /// Akka's default: hocon/serialization.conf left out altogether, and with it the engine's
    /// <c>"System.Object" = refuse-unbound</c> binding, which would refuse every engine message
    /// here; <c>"System.Object" = json</c> (Akka's own reference binding, Newtonsoft JSON of the CLR
    /// type) is stated explicitly so that the choice is visible.
    /// </summary>
    public static Config DefaultBindings => ConfigurationFactory.ParseString("""akka.actor.serialization-bindings { "System.Object" = json }""");

    /// <summary>Starts both systems with <paramref name="bindings"/> and the remoting transport of
    /// <paramref name="engine"/> (hocon/cluster.conf's frame and buffer sizes) on free ports.</summary>
    public static RemotingRate Start(string name, Config bindings, Config engine)
    {
        var tcp = engine.GetConfig("akka.remote.dot-netty.tcp");
        var config = ConfigurationFactory.ParseString(string.Create(CultureInfo.InvariantCulture, $$"""
            akka.loglevel = ERROR
            akka.actor.provider = remote
            akka.remote.dot-netty.tcp {
              hostname = "127.0.0.1"
              port = 0
              maximum-frame-size = {{tcp.GetByteSize("maximum-frame-size")}}b
              send-buffer-size = {{tcp.GetByteSize("send-buffer-size")}}b
              receive-buffer-size = {{tcp.GetByteSize("receive-buffer-size")}}b
            }
            """)).WithFallback(bindings);
        var receiving = ActorSystem.Create(name + "-receiving", config);
        var sending = ActorSystem.Create(name + "-sending", config);
        receiving.ActorOf(Props.Create(() => new Echo()), "echo");
        var address = ((ExtendedActorSystem)receiving).Provider.DefaultAddress;
        var echo = sending.ActorSelection(new RootActorPath(address) / "user" / "echo").ResolveOne(TimeSpan.FromSeconds(20)).GetAwaiter().GetResult();
        return new RemotingRate(sending, receiving, echo);
    }

    /// <summary>Bytes of <paramref name="message"/> as the sending system serializes it.</summary>
    public int SerializedSize(object message) => _sending.Serialization.FindSerializerFor(message).ToBinary(message).Length;

    /// <summary>Sends <paramref name="count"/> messages, cycling through <paramref name="messages"/>,
    /// and returns once the last is acknowledged; fails when the acknowledgements stop (a message
    /// the receiving side could not read is dropped and logged by remoting, never answered).</summary>
    public void Send(IReadOnlyList<object> messages, int count)
    {
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var sender = _sending.ActorOf(Props.Create(() => new WindowedSender(_echo, messages, count, done)));
        try
        {
            if (!done.Task.Wait(StallTimeout))
                throw new TimeoutException($"the acknowledgements stopped before {count:N0} messages: the receiving side dropped some");
        }
        finally
        {
            _sending.Stop(sender);
        }
    }

    public void Dispose()
    {
        Task.WaitAll(_sending.Terminate(), _receiving.Terminate());
    }

    private sealed class Echo : ReceiveActor
    {
        public Echo()
        {
            var received = 0L;
            ReceiveAny(_ => Sender.Tell(++received));
        }
    }

    private sealed class WindowedSender : ReceiveActor
    {
        private readonly IActorRef _echo;
        private readonly IReadOnlyList<object> _messages;
        private readonly int _count;
        private int _sent;

        public WindowedSender(IActorRef echo, IReadOnlyList<object> messages, int count, TaskCompletionSource done)
        {
            _echo = echo;
            _messages = messages;
            _count = count;
            var acknowledged = 0;
            Receive<long>(_ =>
            {
                if (++acknowledged == count)
                    done.TrySetResult();
                else if (_sent < count)
                    SendNext();
            });
        }

        protected override void PreStart()
        {
            while (_sent < Math.Min(Window, _count))
                SendNext();
        }

        private void SendNext()
        {
            _echo.Tell(_messages[_sent % _messages.Count]);
            _sent++;
        }
    }
}
