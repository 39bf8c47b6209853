using Akka.Actor;

namespace Pipeline.Actors.Live;

/// <summary>
/// Sends one message to each of many entities and collects their replies with one short-lived actor.
/// A bucket's delivery reaches hundreds of entities per batch; an ask per entity costs a temporary
/// actor, a task and a timer each, which showed in the live bench's profile. The collector is an
/// ordinary actor, so replies from entities on other nodes find it too; a reply that comes after it
/// finished (after a timeout) goes to dead letters and changes nothing. The timeout runs on the wall
/// clock, as an ask's does, never on the actor system's scheduler (a test's virtual time).
/// </summary>
internal sealed class ReplyCollector : UntypedActor
{
    private readonly IReadOnlyList<(IActorRef To, object Message)> _requests;
    private readonly TimeSpan _timeout;
    private readonly TaskCompletionSource<object[]> _replies;
    private readonly object[] _received;
    private readonly CancellationTokenSource _deadline;
    private int _count;

    public ReplyCollector(IReadOnlyList<(IActorRef To, object Message)> requests, TimeSpan timeout, TaskCompletionSource<object[]> replies)
    {
        _requests = requests;
        _timeout = timeout;
        _replies = replies;
        _received = new object[requests.Count];
        _deadline = new CancellationTokenSource(timeout);
    }

    /// <summary>The replies to <paramref name="requests"/>, in the order they came; fails when one
    /// reply is a <see cref="Status.Failure"/> or when not all came within <paramref name="timeout"/>.</summary>
    public static Task<object[]> AskAllAsync(IActorRefFactory system, IReadOnlyList<(IActorRef To, object Message)> requests, TimeSpan timeout)
    {
        if (requests.Count == 0)
            return Task.FromResult(Array.Empty<object>());
        var replies = new TaskCompletionSource<object[]>(TaskCreationOptions.RunContinuationsAsynchronously);
        system.ActorOf(Props.Create(() => new ReplyCollector(requests, timeout, replies)).WithDeploy(Deploy.Local));
        return replies.Task;
    }

    protected override void PreStart()
    {
        foreach (var (to, message) in _requests)
            to.Tell(message, Self);
        var self = Self;
        _deadline.Token.Register(() => self.Tell(TimedOut.Instance));
    }

    protected override void PostStop() => _deadline.Dispose();

    protected override void OnReceive(object message)
    {
        switch (message)
        {
            case TimedOut:
                _replies.TrySetException(new AskTimeoutException($"{_requests.Count - _count} of {_requests.Count} replies missing after {_timeout}"));
                Context.Stop(Self);
                break;
            case Status.Failure failure:
                _replies.TrySetException(failure.Cause);
                Context.Stop(Self);
                break;
            default:
                _received[_count++] = message;
                if (_count == _received.Length)
                {
                    _replies.TrySetResult(_received);
                    Context.Stop(Self);
                }
                break;
        }
    }

    private sealed class TimedOut
    {
        public static readonly TimedOut Instance = new();
    }
}
