using Akka.Actor;
using Akka.Event;
using Pipeline.Actors.Sources.Kinesis.Client;

namespace Pipeline.Actors.Sources.Kinesis.Ownership;

/// <summary>
/// Decides which node reads which shard. It lists the streams and their shards every
/// <see cref="KinesisSettings.ShardRefreshInterval"/>, keeps every readable shard with exactly one
/// reader host (<see cref="ShardAssignment"/>), and moves a shard only through the handoff: revoke it
/// from the old host, wait for <see cref="ShardReleased"/> (the old host stopped and wrote its
/// checkpoint), then grant it to the new one. A host that stops, or whose node is removed from the
/// cluster, holds nothing any more. A child shard is read only once its parents were read to their end.
/// In a cluster it runs as a singleton (<see cref="KinesisCoordinatorSingleton"/>); a node on its own runs one locally.
/// </summary>
public sealed class KinesisShardCoordinator : ReceiveActor, IWithTimers
{
    private sealed record RefreshTick
    {
        public static readonly RefreshTick Instance = new();
    }

    private sealed record Settled
    {
        public static readonly Settled Instance = new();
    }

    private sealed record Listed(IReadOnlyList<(string Stream, IReadOnlyList<Shard> Shards)> Streams);

    private sealed record ListingFailed(Exception Error);

    private readonly KinesisClient _client;
    private readonly KinesisSettings _settings;
    private readonly IReadOnlyList<string>? _streams;
    private readonly TimeSpan _settle;
    private readonly ILoggingAdapter _log = Context.GetLogger();
    private readonly Dictionary<IActorRef, string> _hosts = new();
    private readonly Dictionary<ShardKey, Shard> _shards = new();
    private readonly HashSet<ShardKey> _finished = new();
    /// <summary>Whom each shard should be read by.</summary>
    private Dictionary<ShardKey, IActorRef> _owners = new();
    /// <summary>Who may be reading each shard: granted and not yet released.</summary>
    private readonly Dictionary<ShardKey, HashSet<IActorRef>> _holders = new();
    private readonly HashSet<(ShardKey, IActorRef)> _revoked = new();
    private bool _settled;
    private bool _listedOnce;
    private bool _listing;
    private bool _listAgain;

    /// <param name="streams">The streams to read; null lists them every refresh (<see cref="KinesisSource.StreamNamesAsync"/>).</param>
    /// <param name="settle">How long a new coordinator only listens before it assigns: long enough
    /// for every host to report what it still reads from a previous coordinator.</param>
    public KinesisShardCoordinator(KinesisClient client, KinesisSettings settings, IReadOnlyList<string>? streams, TimeSpan settle)
    {
        _client = client;
        _settings = settings;
        _streams = streams;
        _settle = settle;

        Receive<RefreshTick>(_ => List());
        Receive<Listed>(OnListed);
        Receive<ListingFailed>(failed =>
        {
            _listing = false;
            _log.Warning(failed.Error, "Listing the Kinesis shards failed; trying again in {0}", _settings.ShardRefreshInterval);
        });
        Receive<Settled>(_ =>
        {
            _settled = true;
            Assign();
        });
        Receive<ReaderHostReport>(OnReport);
        Receive<ShardReleased>(released =>
        {
            Release(released.Shard, released.Host);
            if (_owners.GetValueOrDefault(released.Shard)?.Equals(released.Host) == true)
            {
                _owners.Remove(released.Shard);
            }

            Assign();
        });
        Receive<ShardEnded>(ended =>
        {
            _log.Info("{0} was read to its end", ended.Shard);
            _finished.Add(ended.Shard);
            _owners.Remove(ended.Shard);
            Revoke(ended.Shard, ended.Host);
            List();
            Assign();
        });
        Receive<Terminated>(terminated =>
        {
            _log.Info("Reader host {0} is gone; its shards move", terminated.ActorRef);
            _hosts.Remove(terminated.ActorRef);
            foreach (var shard in _holders.Keys.ToList())
            {
                Release(shard, terminated.ActorRef);
            }

            _owners = _owners.Where(pair => !pair.Value.Equals(terminated.ActorRef)).ToDictionary();
            Assign();
        });
        Receive<GetShardOwners>(_ => Sender.Tell(new ShardOwners(_owners
            .Where(pair => _holders.TryGetValue(pair.Key, out var holders) && holders.Contains(pair.Value))
            .OrderBy(pair => pair.Key)
            .Select(pair => new ShardOwner(pair.Key, NodeOf(pair.Value).ToString()))
            .ToList())));
    }

    public ITimerScheduler Timers { get; set; } = null!;

    public static Props Props(KinesisClient client, KinesisSettings settings, IReadOnlyList<string>? streams, TimeSpan settle) =>
        Akka.Actor.Props.Create(() => new KinesisShardCoordinator(client, settings, streams, settle));

    protected override void PreStart()
    {
        Timers.StartPeriodicTimer(RefreshTick.Instance, RefreshTick.Instance, _settings.ShardRefreshInterval);
        List();
        if (_settle > TimeSpan.Zero)
        {
            Timers.StartSingleTimer(Settled.Instance, Settled.Instance, _settle);
        }
        else
        {
            _settled = true;
        }
    }

    private void List()
    {
        if (_listing)
        {
            _listAgain = true;
            return;
        }

        _listing = true;
        ListAsync().PipeTo(Self, success: listed => listed, failure: error => new ListingFailed(error));
    }

    private async Task<Listed> ListAsync()
    {
        var streams = _streams ?? await KinesisSource.StreamNamesAsync(_client, _settings);
        var listed = new List<(string, IReadOnlyList<Shard>)>();
        foreach (var stream in streams)
        {
            try
            {
                listed.Add((stream, await _client.ListShardsAsync(stream)));
            }
            catch (KinesisResourceNotFoundException)
            {
                // Not created yet (or deleted): looked for again at the next refresh.
            }
        }

        return new Listed(listed);
    }

    private void OnListed(Listed listed)
    {
        _listing = false;
        _listedOnce = true;
        var now = listed.Streams
            .SelectMany(stream => stream.Shards.Select(shard => (Key: new ShardKey(stream.Stream, shard.ShardId), Shard: shard)))
            .ToDictionary(pair => pair.Key, pair => pair.Shard);
        foreach (var gone in _shards.Keys.Where(key => !now.ContainsKey(key) && HoldersOf(key).Count == 0).ToList())
        {
            // Past the stream's retention, or the stream was deleted.
            _shards.Remove(gone);
            _finished.Remove(gone);
        }

        foreach (var (key, shard) in now)
        {
            if (_shards.TryAdd(key, shard))
            {
                _log.Info("Found shard {0}", key);
            }
            else
            {
                _shards[key] = shard;
            }
        }

        Assign();
        if (_listAgain)
        {
            _listAgain = false;
            List();
        }
    }

    /// <summary>
    /// Takes a host's word for what it holds: a new coordinator adopts what hosts already read, and
    /// a grant or revoke the host has not acted on (lost, or crossing this report) is sent again;
    /// the host ignores one it already acted on.
    /// </summary>
    private void OnReport(ReaderHostReport report)
    {
        var host = report.Host;
        if (_hosts.TryAdd(host, NodeOf(host) + host.Path.ToStringWithoutAddress()))
        {
            Context.Watch(host);
            _log.Info("Reader host {0} joined", host);
        }

        var reported = report.Reading.Concat(report.Releasing).ToHashSet();
        foreach (var shard in reported)
        {
            HoldersOf(shard).Add(host);
        }

        foreach (var shard in report.Reading)
        {
            var owner = _owners.GetValueOrDefault(shard);
            if (owner is null && HoldersOf(shard).Count == 1 && !_finished.Contains(shard))
            {
                _owners[shard] = host;
            }
            else if (!host.Equals(owner))
            {
                host.Tell(new RevokeShard(shard));
            }
        }

        foreach (var (shard, holders) in _holders.Where(pair => pair.Value.Contains(host) && !reported.Contains(pair.Key)))
        {
            host.Tell(host.Equals(_owners.GetValueOrDefault(shard)) ? new GrantShard(shard, StartsAtBeginning(shard)) : new RevokeShard(shard));
        }

        Assign();
    }

    /// <summary>Brings the owners in line with the hosts and shards there are now, and sends the
    /// revokes and grants that takes. A shard is granted only while nobody else holds it. Nothing
    /// moves before the hosts had time to report and the shards were listed once.</summary>
    private void Assign()
    {
        if (!_settled || !_listedOnce)
        {
            return;
        }

        var readable = _shards.Keys.Where(key => !_finished.Contains(key)
            && (_owners.ContainsKey(key) || ParentsOf(key).All(_finished.Contains)));
        var hosts = _hosts.OrderBy(pair => pair.Value, StringComparer.Ordinal).Select(pair => pair.Key).ToList();
        _owners = ShardAssignment.Balance(hosts, readable, _owners).ToDictionary();

        foreach (var (shard, holders) in _holders)
        {
            foreach (var holder in holders.Where(holder => !holder.Equals(_owners.GetValueOrDefault(shard))).ToList())
            {
                Revoke(shard, holder);
            }
        }

        foreach (var (shard, owner) in _owners)
        {
            var holders = HoldersOf(shard);
            if (holders.Count == 0)
            {
                holders.Add(owner);
                owner.Tell(new GrantShard(shard, StartsAtBeginning(shard)));
            }
        }
    }

    private void Revoke(ShardKey shard, IActorRef holder)
    {
        if (_revoked.Add((shard, holder)))
        {
            holder.Tell(new RevokeShard(shard));
        }
    }

    private void Release(ShardKey shard, IActorRef host)
    {
        _revoked.Remove((shard, host));
        if (_holders.TryGetValue(shard, out var holders) && holders.Remove(host) && holders.Count == 0)
        {
            _holders.Remove(shard);
        }
    }

    private HashSet<IActorRef> HoldersOf(ShardKey shard)
    {
        if (!_holders.TryGetValue(shard, out var holders))
        {
            holders = new HashSet<IActorRef>();
            _holders[shard] = holders;
        }

        return holders;
    }

    private IEnumerable<ShardKey> ParentsOf(ShardKey key) =>
        _shards.TryGetValue(key, out var shard)
            ? new[] { shard.ParentShardId, shard.AdjacentParentShardId }
                .Where(id => id is not null)
                .Select(id => key with { ShardId = id! })
                .Where(_shards.ContainsKey)
            : [];

    /// <summary>A child of a shard this pipeline reads starts at its first record, whatever the configured initial position.</summary>
    private bool StartsAtBeginning(ShardKey key) => ParentsOf(key).Any();

    private Address NodeOf(IActorRef host) =>
        host.Path.Address.HasLocalScope ? ((ExtendedActorSystem)Context.System).Provider.DefaultAddress : host.Path.Address;
}
