using System.Net;
using Akka.Actor;
using Akka.Event;
using Akka.Streams;
using Akka.Streams.Stage;
using Pipeline.Actors.Records;
using Pipeline.Actors.Sources.Kinesis.Client;

namespace Pipeline.Actors.Sources.Kinesis;

/// <summary>
/// Reads every shard of one stream. Each shard has one poller: at most one request in flight, GetRecords
/// spaced by at least <see cref="KinesisSettings.MinPollSpacing"/>, longer when the shard was empty or
/// throttled, and no polling while its read-ahead buffer is full (back-pressure). A closed shard is
/// emitted to its end before its children (found with ListShards) start.
/// </summary>
internal sealed class KinesisStreamStage(KinesisClient client, KinesisSettings settings, string streamName, Table table, IActorRef checkpoints)
    : GraphStageWithMaterializedValue<SourceShape<RawRecord>, KinesisControl>
{
    private readonly KinesisClient _client = client;
    private readonly KinesisSettings _settings = settings;
    private readonly string _streamName = streamName;
    private readonly Table _table = table;
    private readonly IActorRef _checkpoints = checkpoints;
    private readonly Outlet<RawRecord> _out = new($"kinesis-{streamName}.out");

    public override SourceShape<RawRecord> Shape => new(_out);

    public override ILogicAndMaterializedValue<KinesisControl> CreateLogicAndMaterializedValue(Attributes inheritedAttributes)
    {
        var control = new KinesisControl(_streamName, _checkpoints);
        return new LogicAndMaterializedValue<KinesisControl>(new Logic(this, control), control);
    }

    private sealed class Logic : TimerGraphStageLogic, IOutHandler
    {
        private const string DiscoveryTimer = "list-shards";

        private readonly KinesisStreamStage _stage;
        private readonly KinesisControl _control;
        private readonly string _sourceName;
        private readonly Dictionary<string, ShardReader> _readers = new();
        private readonly List<ShardReader> _order = new();
        private IReadOnlyDictionary<string, string> _checkpoints = new Dictionary<string, string>();
        private int _next;
        private bool _stopping;
        private bool _discovering;
        private bool _discoverAgain;
        private int _discoveryFailures;

        private Action<Task<ShardCheckpoints.Checkpoints>> _onCheckpoints = null!;
        private Action<Task<IReadOnlyList<Shard>>> _onShards = null!;
        private Action<(ShardReader, Task<string>)> _onIterator = null!;
        private Action<(ShardReader, Task<GetRecordsResponse>)> _onRecords = null!;

        public Logic(KinesisStreamStage stage, KinesisControl control) : base(stage.Shape)
        {
            _stage = stage;
            _control = control;
            _sourceName = KinesisSource.SourceNameOf(stage._streamName);
            SetHandler(stage._out, this);
        }

        private KinesisSettings Settings => _stage._settings;

        private KinesisClient Client => _stage._client;

        public override void PreStart()
        {
            _onCheckpoints = GetAsyncCallback<Task<ShardCheckpoints.Checkpoints>>(OnCheckpoints);
            _onShards = GetAsyncCallback<Task<IReadOnlyList<Shard>>>(OnShards);
            _onIterator = GetAsyncCallback<(ShardReader, Task<string>)>(OnIterator);
            _onRecords = GetAsyncCallback<(ShardReader, Task<GetRecordsResponse>)>(OnRecords);
            var onStop = GetAsyncCallback(BeginStop);
            _control.StopRequested.ContinueWith(_ => onStop(), TaskScheduler.Default);

            _stage._checkpoints.Ask<ShardCheckpoints.Checkpoints>(ShardCheckpoints.GetCheckpoints.Instance, Settings.RequestTimeout)
                .ContinueWith(_onCheckpoints, TaskScheduler.Default);
        }

        public void OnPull() => Emit();

        public void OnDownstreamFinish(Exception cause) => CompleteStage();

        protected override void OnTimer(object timerKey)
        {
            if (timerKey is DiscoveryTimer)
            {
                Discover();
            }
            else if (timerKey is string shardId && _readers.TryGetValue(shardId, out var reader))
            {
                reader.PollDue = true;
                Poll(reader);
            }
        }

        private void OnCheckpoints(Task<ShardCheckpoints.Checkpoints> loaded)
        {
            if (!loaded.IsCompletedSuccessfully)
            {
                FailStage(ErrorOf(loaded));
                return;
            }

            _checkpoints = loaded.Result.ByShard;
            Discover();
        }

        private void Discover()
        {
            if (_stopping)
            {
                return;
            }

            if (_discovering)
            {
                _discoverAgain = true;
                return;
            }

            _discovering = true;
            Client.ListShardsAsync(_stage._streamName).ContinueWith(_onShards, TaskScheduler.Default);
        }

        private void OnShards(Task<IReadOnlyList<Shard>> listed)
        {
            _discovering = false;
            if (!listed.IsCompletedSuccessfully)
            {
                var error = ErrorOf(listed);
                if (IsPermanent(error))
                {
                    FailStage(error);
                    return;
                }

                var delay = Backoff(++_discoveryFailures);
                Log.Warning(error, "ListShards of {0} failed; trying again in {1}", _stage._streamName, delay);
                ScheduleOnce(DiscoveryTimer, delay);
                return;
            }

            _discoveryFailures = 0;
            foreach (var shard in listed.Result.Where(shard => !_readers.ContainsKey(shard.ShardId)))
            {
                var reader = new ShardReader(shard, _checkpoints.GetValueOrDefault(shard.ShardId));
                _readers.Add(shard.ShardId, reader);
                _order.Add(reader);
            }

            foreach (var reader in _order)
            {
                reader.HasKnownParent = ParentsOf(reader).Any();
            }

            StartEligible();
            if (_discoverAgain)
            {
                _discoverAgain = false;
                Discover();
            }
        }

        private IEnumerable<ShardReader> ParentsOf(ShardReader reader) =>
            new[] { reader.Shard.ParentShardId, reader.Shard.AdjacentParentShardId }
                .Where(id => id is not null && _readers.ContainsKey(id))
                .Select(id => _readers[id!]);

        private void StartEligible()
        {
            if (_stopping)
            {
                return;
            }

            foreach (var reader in _order.Where(r => r.Phase == ShardPhase.Waiting && ParentsOf(r).All(p => p.Phase == ShardPhase.Finished)))
            {
                reader.Phase = ShardPhase.Reading;
                Report(reader);
                SchedulePoll(reader, TimeSpan.Zero);
            }
        }

        private void SchedulePoll(ShardReader reader, TimeSpan delay)
        {
            var spacing = reader.LastGetRecordsAt + KinesisSettings.MinPollSpacing - DateTime.UtcNow;
            ScheduleOnce(reader.ShardId, delay > spacing ? delay : spacing > TimeSpan.Zero ? spacing : TimeSpan.Zero);
        }

        private void Poll(ShardReader reader)
        {
            if (_stopping || reader.InFlight || !reader.PollDue || reader.Phase != ShardPhase.Reading
                || reader.Buffer.Count >= Settings.BufferPerShard)
            {
                return;
            }

            reader.PollDue = false;
            reader.InFlight = true;
            if (reader.Iterator is null)
            {
                var (type, sequence) = StartingPoint(reader);
                Client.GetShardIteratorAsync(_stage._streamName, reader.ShardId, type, sequence)
                    .ContinueWith(task => _onIterator((reader, task)), TaskScheduler.Default);
            }
            else
            {
                Client.GetRecordsAsync(reader.Iterator, Settings.RecordsPerRequest)
                    .ContinueWith(task => _onRecords((reader, task)), TaskScheduler.Default);
            }
        }

        /// <summary>After the last record read or checkpointed; a child of a shard this source reads
        /// starts at its beginning; any other shard at the configured initial position.</summary>
        private (string Type, string? Sequence) StartingPoint(ShardReader reader)
        {
            if (reader.LastSequence is not null)
            {
                return (ShardIteratorType.AfterSequenceNumber, reader.LastSequence);
            }

            return (reader.HasKnownParent ? ShardIteratorType.TrimHorizon : Settings.InitialPosition, null);
        }

        private void OnIterator((ShardReader Reader, Task<string> Task) result)
        {
            var (reader, task) = result;
            reader.InFlight = false;
            if (_stopping)
            {
                return;
            }

            if (!task.IsCompletedSuccessfully)
            {
                OnFailure(reader, "GetShardIterator", ErrorOf(task));
                return;
            }

            reader.Iterator = task.Result;
            SchedulePoll(reader, TimeSpan.Zero);
        }

        private void OnRecords((ShardReader Reader, Task<GetRecordsResponse> Task) result)
        {
            var (reader, task) = result;
            reader.InFlight = false;
            reader.LastGetRecordsAt = DateTime.UtcNow;
            if (_stopping)
            {
                return;
            }

            if (!task.IsCompletedSuccessfully)
            {
                OnFailure(reader, "GetRecords", ErrorOf(task));
                return;
            }

            var response = task.Result;
            reader.FailuresInARow = 0;
            reader.MillisBehindLatest = response.MillisBehindLatest;
            foreach (var record in response.Records)
            {
                var position = new SourcePosition(_sourceName, reader.ShardId, record.SequenceNumber, record.ArrivalTime);
                reader.Buffer.Enqueue(new RawRecord(_stage._table, record.Data, position));
                reader.LastSequence = record.SequenceNumber;
            }

            reader.Iterator = response.NextShardIterator;
            if (reader.Iterator is null)
            {
                reader.EndReached = true;
                Log.Info("Shard {0} of {1} is closed and read to its end", reader.ShardId, _stage._streamName);
            }
            else
            {
                SchedulePoll(reader, response.Records.Count > 0 ? Settings.PollInterval : Settings.IdlePollInterval);
            }

            Report(reader);
            FinishIfDone(reader);
            Emit();
        }

        private void OnFailure(ShardReader reader, string operation, Exception error)
        {
            switch (error)
            {
                case KinesisExpiredIteratorException:
                    Log.Warning("Shard iterator of {0} {1} expired; getting a new one after sequence number {2}",
                        _stage._streamName, reader.ShardId, reader.LastSequence ?? "(none)");
                    reader.Iterator = null;
                    SchedulePoll(reader, TimeSpan.Zero);
                    break;
                case KinesisThroughputExceededException:
                    var delay = Backoff(++reader.FailuresInARow);
                    Log.Info("{0} on {1} {2} throttled ({3} in a row); waiting {4}",
                        operation, _stage._streamName, reader.ShardId, reader.FailuresInARow, delay);
                    SchedulePoll(reader, delay);
                    break;
                case var permanent when IsPermanent(permanent):
                    FailStage(permanent);
                    break;
                default:
                    var wait = Backoff(++reader.FailuresInARow);
                    Log.Warning(error, "{0} on {1} {2} failed; trying again in {3}", operation, _stage._streamName, reader.ShardId, wait);
                    SchedulePoll(reader, wait);
                    break;
            }
        }

        /// <summary>Errors that waiting does not cure: the service refused the request itself.</summary>
        private static bool IsPermanent(Exception error) =>
            error is KinesisException kinesis && kinesis.StatusCode < HttpStatusCode.InternalServerError
            && kinesis is not (KinesisThroughputExceededException or KinesisExpiredIteratorException or KinesisLimitExceededException);

        private TimeSpan Backoff(int failuresInARow)
        {
            var delay = Client.BackoffDelay(failuresInARow, Settings.MaxRetryBackoff);
            return delay > Settings.ThrottleBackoff ? delay : Settings.ThrottleBackoff;
        }

        private void Emit()
        {
            if (IsAvailable(_stage._out) && NextWithRecords() is { } reader)
            {
                Push(_stage._out, reader.Buffer.Dequeue());
                if (reader.PollDue)
                {
                    Poll(reader);
                }

                FinishIfDone(reader);
            }

            if (_stopping && _order.All(r => r.Buffer.Count == 0))
            {
                CompleteStage();
            }
        }

        private ShardReader? NextWithRecords()
        {
            for (var i = 0; i < _order.Count; i++)
            {
                var reader = _order[(_next + i) % _order.Count];
                if (reader.Buffer.Count > 0)
                {
                    _next = (_next + i + 1) % _order.Count;
                    return reader;
                }
            }

            return null;
        }

        /// <summary>A closed shard whose records are all emitted lets its children start.</summary>
        private void FinishIfDone(ShardReader reader)
        {
            if (reader.EndReached && reader.Buffer.Count == 0 && reader.Phase == ShardPhase.Reading)
            {
                reader.Phase = ShardPhase.Finished;
                Report(reader);
                Discover();
            }
        }

        private void BeginStop()
        {
            _stopping = true;
            CancelTimer(DiscoveryTimer);
            foreach (var reader in _order)
            {
                CancelTimer(reader.ShardId);
            }

            Emit();
        }

        private void Report(ShardReader reader) => _control.Report(new ShardProgress(
            reader.ShardId, reader.LastSequence, reader.MillisBehindLatest, reader.Phase == ShardPhase.Finished));

        private static Exception ErrorOf(Task task) =>
            task.Exception?.InnerException ?? task.Exception ?? (Exception)new TaskCanceledException(task);
    }
}
