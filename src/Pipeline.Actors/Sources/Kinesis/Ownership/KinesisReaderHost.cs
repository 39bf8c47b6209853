using Akka.Actor;
using Akka.Event;
using Pipeline.Actors.Records;

namespace Pipeline.Actors.Sources.Kinesis.Ownership;

/// <summary>
/// A node's side of shard ownership. It reports to the coordinator what it holds, starts reading a
/// granted shard after the shard's checkpoint (one <see cref="ShardCheckpoints"/> child per shard),
/// and gives a revoked shard up in order: the stage stops reading it and drops what it read ahead,
/// the checkpoint actor waits until every emitted record of the shard is reported done (or
/// <see cref="KinesisSettings.HandoffTimeout"/> passed), writes the checkpoint and stops, and only
/// then does the coordinator hear <see cref="ShardReleased"/> and hand the shard to another node.
/// </summary>
public sealed class KinesisReaderHost : ReceiveActor, IWithTimers
{
    /// <summary>Writes every held shard's checkpoint; with <paramref name="Release"/> the host then
    /// stops, giving up all its shards (the node is leaving). Answered with <see cref="Flushed"/>.</summary>
    public sealed record Flush(bool Release, TimeSpan Timeout);

    public sealed record Flushed(IReadOnlyDictionary<ShardKey, string> ByShard);

    private sealed record ReportTick
    {
        public static readonly ReportTick Instance = new();
    }

    private sealed record FlushDone(IActorRef ReplyTo, bool Release, IReadOnlyDictionary<ShardKey, string> ByShard);

    private enum Phase
    {
        /// <summary>Its checkpoint is being read.</summary>
        Loading,
        /// <summary>Checkpoint known; waiting for the stage to run.</summary>
        Loaded,
        Reading,
        /// <summary>The stage was told to stop reading it.</summary>
        Stopping,
        /// <summary>The checkpoint actor is waiting for the last emitted record to be done, then stops.</summary>
        Draining,
    }

    private sealed class HeldShard(ShardKey key, Table table, IActorRef checkpoints, bool startsAtBeginning)
    {
        public ShardKey Key { get; } = key;
        public Table Table { get; } = table;
        public IActorRef Checkpoints { get; } = checkpoints;
        public bool StartsAtBeginning { get; } = startsAtBeginning;
        public Phase Phase { get; set; } = Phase.Loading;
        public string? Checkpoint { get; set; }
    }

    private readonly KinesisSettings _settings;
    private readonly KinesisControl _control;
    private readonly Dictionary<ShardKey, HeldShard> _held = new();
    private readonly Dictionary<IActorRef, ShardKey> _byCheckpoints = new();
    private readonly ILoggingAdapter _log = Context.GetLogger();
    private readonly IActorRef _coordinator;
    private IActorRef? _stage;
    private bool _closing;

    public KinesisReaderHost(KinesisSettings settings, KinesisControl control, IActorRef? coordinator, Props? localCoordinator)
    {
        _settings = settings;
        _control = control;
        _coordinator = localCoordinator is null ? coordinator! : Context.ActorOf(localCoordinator, "coordinator");

        Receive<ReportTick>(_ => Report());
        Receive<ReaderStageStarted>(started =>
        {
            _stage = started.Stage;
            foreach (var held in _held.Values.Where(h => h.Phase == Phase.Loaded).ToList())
            {
                StartReading(held);
            }
        });
        Receive<ReaderStageStopped>(_ => OnStageStopped());
        Receive<GrantShard>(OnGrant);
        Receive<RevokeShard>(OnRevoke);
        Receive<ShardCheckpoints.Checkpoints>(OnCheckpoints);
        Receive<ShardStopped>(stopped =>
        {
            if (_held.TryGetValue(stopped.Shard, out var held) && held.Phase == Phase.Stopping)
            {
                Drain(held, stopped.LastEmitted);
            }
        });
        Receive<ShardReadToEnd>(ended => _coordinator.Tell(new ShardEnded(Self, ended.Shard)));
        // A drained checkpoint actor answers, then stops: its Terminated is what completes the handoff.
        Receive<ShardCheckpoints.Flushed>(_ => { });
        Receive<Terminated>(OnTerminated);
        Receive<Flush>(OnFlush);
        Receive<FlushDone>(done =>
        {
            done.ReplyTo.Tell(new Flushed(done.ByShard));
            if (done.Release)
            {
                Context.Stop(Self);
            }
        });
    }

    public ITimerScheduler Timers { get; set; } = null!;

    /// <summary>A host of a cluster node, reporting to <paramref name="coordinator"/> (the singleton's proxy).</summary>
    internal static Props Props(KinesisSettings settings, KinesisControl control, IActorRef coordinator) =>
        Akka.Actor.Props.Create(() => new KinesisReaderHost(settings, control, coordinator, null));

    /// <summary>A host with a coordinator of its own: this node alone reads every shard.</summary>
    internal static Props Props(KinesisSettings settings, KinesisControl control, Props coordinator) =>
        Akka.Actor.Props.Create(() => new KinesisReaderHost(settings, control, null, coordinator));

    protected override void PreStart()
    {
        Report();
        Timers.StartPeriodicTimer(ReportTick.Instance, ReportTick.Instance, _settings.OwnerReportInterval);
    }

    private void Report()
    {
        if (_closing)
        {
            return;
        }

        var reading = _held.Values.Where(h => h.Phase is Phase.Loading or Phase.Loaded or Phase.Reading).Select(h => h.Key).ToArray();
        var releasing = _held.Values.Where(h => h.Phase is Phase.Stopping or Phase.Draining).Select(h => h.Key).ToArray();
        _coordinator.Tell(new ReaderHostReport(Self, reading, releasing));
    }

    private void OnGrant(GrantShard grant)
    {
        if (_closing || _held.ContainsKey(grant.Shard))
        {
            return;
        }

        if (!KinesisStreamName.TryParse(grant.Shard.Stream, out _, out var table))
        {
            _log.Warning("Granted {0}, which is not a stream named streaming-<prefix>-pin|geo|user; giving it back", grant.Shard);
            _coordinator.Tell(new ShardReleased(Self, grant.Shard));
            return;
        }

        var checkpoints = Context.Watch(Context.ActorOf(ShardCheckpoints.Props(grant.Shard.Stream, grant.Shard.ShardId, _settings)));
        _held.Add(grant.Shard, new HeldShard(grant.Shard, table, checkpoints, grant.StartsAtBeginning));
        _byCheckpoints.Add(checkpoints, grant.Shard);
        _control.Track(grant.Shard, checkpoints);
        checkpoints.Tell(ShardCheckpoints.GetCheckpoints.Instance);
        _log.Info("Reading {0}", grant.Shard);
    }

    private void OnCheckpoints(ShardCheckpoints.Checkpoints loaded)
    {
        if (!_byCheckpoints.TryGetValue(Sender, out var key) || _held[key] is not { Phase: Phase.Loading } held)
        {
            return;
        }

        held.Checkpoint = loaded.ByShard.GetValueOrDefault(key.ShardId);
        held.Phase = Phase.Loaded;
        if (_stage is not null)
        {
            StartReading(held);
        }
    }

    private void StartReading(HeldShard held)
    {
        held.Phase = Phase.Reading;
        _stage!.Tell(new ReadShard(held.Key, held.Table, held.Checkpoint, held.StartsAtBeginning));
    }

    private void OnRevoke(RevokeShard revoke)
    {
        if (!_held.TryGetValue(revoke.Shard, out var held))
        {
            // Already given up (an earlier revoke, or a repeat after a lost answer): say so again.
            _coordinator.Tell(new ShardReleased(Self, revoke.Shard));
            return;
        }

        switch (held.Phase)
        {
            case Phase.Loading or Phase.Loaded:
                Drain(held, null);
                break;
            case Phase.Reading when _stage is not null:
                held.Phase = Phase.Stopping;
                _stage.Tell(new StopShard(held.Key));
                break;
            case Phase.Reading:
                Drain(held, null);
                break;
        }
    }

    private void Drain(HeldShard held, string? lastEmitted)
    {
        held.Phase = Phase.Draining;
        held.Checkpoints.Tell(new ShardCheckpoints.DrainThrough(lastEmitted, _settings.HandoffTimeout));
    }

    /// <summary>The stage reads nothing any more: a shard waiting for it to stop is drained now.</summary>
    private void OnStageStopped()
    {
        _stage = null;
        foreach (var held in _held.Values.Where(h => h.Phase == Phase.Stopping).ToList())
        {
            Drain(held, null);
        }
    }

    /// <summary>A checkpoint actor stopped: after a drain that is the handoff; otherwise it failed,
    /// and a shard whose checkpoints cannot be written is given up too.</summary>
    private void OnTerminated(Terminated terminated)
    {
        if (!_byCheckpoints.Remove(terminated.ActorRef, out var key) || !_held.Remove(key, out var held))
        {
            return;
        }

        _control.Untrack(key);
        if (held.Phase != Phase.Draining)
        {
            _log.Warning("The checkpoints of {0} stopped unexpectedly; giving the shard up", key);
            _stage?.Tell(new StopShard(key));
        }

        _log.Info("Released {0}", key);
        _coordinator.Tell(new ShardReleased(Self, key));
    }

    private void OnFlush(Flush flush)
    {
        var replyTo = Sender;
        _closing |= flush.Release;
        var flushing = _held.Values.Where(h => h.Phase != Phase.Draining)
            .Select(async held => (held.Key, Flushed: await held.Checkpoints.Ask<ShardCheckpoints.Flushed>(ShardCheckpoints.Flush.Instance, flush.Timeout)))
            .ToList();
        Task.WhenAll(flushing).PipeTo(Self,
            success: results => new FlushDone(replyTo, flush.Release, results
                .Where(r => r.Flushed.ByShard.ContainsKey(r.Key.ShardId))
                .ToDictionary(r => r.Key, r => r.Flushed.ByShard[r.Key.ShardId])),
            failure: error =>
            {
                replyTo.Tell(new Status.Failure(error));
                return new FlushDone(ActorRefs.Nobody, flush.Release, new Dictionary<ShardKey, string>());
            });
    }
}
