using System.Net;
using Akka.Actor;
using Akka.Event;
using Akka.Streams;
using Akka.Streams.Stage;
using Pipeline.Actors.Records;
using Pipeline.Actors.Sources.Kinesis.Client;
using Pipeline.Actors.Sources.Kinesis.Ownership;

namespace Pipeline.Actors.Sources.Kinesis;

/// <summary>
/// Reads the shards its reader host tells it to, of any stream, and stops reading one when told.
/// Each shard has one poller: at most one request in flight, GetRecords spaced by at least
/// <see cref="KinesisSettings.MinPollSpacing"/>, longer when the shard was empty or throttled, and no
/// polling while its read-ahead buffer is full (back-pressure). Which shards, and in which order
/// parents and children, is the coordinator's decision (<see cref="KinesisShardCoordinator"/>).
/// </summary>
internal sealed class KinesisShardsStage(KinesisClient client, KinesisSettings settings, IActorRef host, KinesisControl control)
    : GraphStageWithMaterializedValue<SourceShape<RawRecord>, KinesisControl>
{
    private readonly KinesisClient _client = client;
    private readonly KinesisSettings _settings = settings;
    private readonly IActorRef _host = host;
    private readonly KinesisControl _control = control;
    private readonly Outlet<RawRecord> _out = new("kinesis.out");

    public override SourceShape<RawRecord> Shape => new(_out);

    public override ILogicAndMaterializedValue<KinesisControl> CreateLogicAndMaterializedValue(Attributes inheritedAttributes) =>
        new LogicAndMaterializedValue<KinesisControl>(new Logic(this), _control);

    private sealed class Logic : TimerGraphStageLogic, IOutHandler
    {
        private readonly KinesisShardsStage _stage;
        private readonly Dictionary<ShardKey, ShardReader> _readers = new();
        private readonly List<ShardReader> _order = new();
        private int _next;
        private bool _stopping;

        private Action<(ShardReader, Task<string>)> _onIterator = null!;
        private Action<(ShardReader, Task<GetRecordsResponse>)> _onRecords = null!;

        public Logic(KinesisShardsStage stage) : base(stage.Shape)
        {
            _stage = stage;
            SetHandler(stage._out, this);
        }

        private KinesisSettings Settings => _stage._settings;

        private KinesisClient Client => _stage._client;

        private KinesisControl Control => _stage._control;

        public override void PreStart()
        {
            _onIterator = GetAsyncCallback<(ShardReader, Task<string>)>(OnIterator);
            _onRecords = GetAsyncCallback<(ShardReader, Task<GetRecordsResponse>)>(OnRecords);
            var onStop = GetAsyncCallback(BeginStop);
            Control.StopRequested.ContinueWith(_ => onStop(), TaskScheduler.Default);
            var self = GetStageActor(OnCommand);
            _stage._host.Tell(new ReaderStageStarted(self.Ref));
        }

        public override void PostStop() => _stage._host.Tell(ReaderStageStopped.Instance);

        public void OnPull() => Emit();

        public void OnDownstreamFinish(Exception cause) => CompleteStage();

        protected override void OnTimer(object timerKey)
        {
            if (timerKey is ShardKey key && _readers.TryGetValue(key, out var reader))
            {
                reader.PollDue = true;
                Poll(reader);
            }
        }

        private void OnCommand((IActorRef Sender, object Message) command)
        {
            switch (command.Message)
            {
                case ReadShard read when !_stopping && !_readers.ContainsKey(read.Shard):
                    var reader = new ShardReader(read.Shard, read.Table, read.Checkpoint, read.StartsAtBeginning);
                    _readers.Add(read.Shard, reader);
                    _order.Add(reader);
                    Report(reader);
                    SchedulePoll(reader, TimeSpan.Zero);
                    break;
                case StopShard stop:
                    command.Sender.Tell(new ShardStopped(stop.Shard, Remove(stop.Shard)));
                    break;
            }
        }

        /// <summary>Forgets the shard; what it read ahead was never emitted, so its next owner reads it.</summary>
        /// <returns>The last record of the shard emitted.</returns>
        private string? Remove(ShardKey key)
        {
            if (!_readers.Remove(key, out var reader))
            {
                return null;
            }

            CancelTimer(key);
            var index = _order.IndexOf(reader);
            _order.RemoveAt(index);
            if (_next > index)
            {
                _next--;
            }

            _next = _order.Count == 0 ? 0 : _next % _order.Count;
            Control.Forget(key);
            return reader.LastEmitted;
        }

        /// <summary>Whether an answer still concerns a shard being read (it may have been stopped meanwhile).</summary>
        private bool IsCurrent(ShardReader reader) =>
            !_stopping && _readers.TryGetValue(reader.Key, out var current) && ReferenceEquals(current, reader);

        private void SchedulePoll(ShardReader reader, TimeSpan delay)
        {
            var spacing = reader.LastGetRecordsAt + KinesisSettings.MinPollSpacing - DateTime.UtcNow;
            ScheduleOnce(reader.Key, delay > spacing ? delay : spacing > TimeSpan.Zero ? spacing : TimeSpan.Zero);
        }

        private void Poll(ShardReader reader)
        {
            if (!IsCurrent(reader) || reader.InFlight || !reader.PollDue || reader.EndReached
                || reader.Buffer.Count >= Settings.BufferPerShard)
            {
                return;
            }

            reader.PollDue = false;
            reader.InFlight = true;
            if (reader.Iterator is null)
            {
                var (type, sequence) = StartingPoint(reader);
                Client.GetShardIteratorAsync(reader.Key.Stream, reader.Key.ShardId, type, sequence)
                    .ContinueWith(task => _onIterator((reader, task)), TaskScheduler.Default);
            }
            else
            {
                Client.GetRecordsAsync(reader.Iterator, Settings.RecordsPerRequest)
                    .ContinueWith(task => _onRecords((reader, task)), TaskScheduler.Default);
            }
        }

        /// <summary>After the last record read or checkpointed; a child of a shard this pipeline reads
        /// starts at its beginning; any other shard at the configured initial position.</summary>
        private (string Type, string? Sequence) StartingPoint(ShardReader reader)
        {
            if (reader.LastSequence is not null)
            {
                return (ShardIteratorType.AfterSequenceNumber, reader.LastSequence);
            }

            return (reader.StartsAtBeginning ? ShardIteratorType.TrimHorizon : Settings.InitialPosition, null);
        }

        private void OnIterator((ShardReader Reader, Task<string> Task) result)
        {
            var (reader, task) = result;
            reader.InFlight = false;
            if (!IsCurrent(reader))
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
            if (!IsCurrent(reader))
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
                var position = new SourcePosition(reader.SourceName, reader.Key.ShardId, record.SequenceNumber, record.ArrivalTime);
                reader.Buffer.Enqueue(new RawRecord(reader.Table, record.Data, position));
                reader.LastSequence = record.SequenceNumber;
            }

            reader.Iterator = response.NextShardIterator;
            if (reader.Iterator is null)
            {
                reader.EndReached = true;
                Log.Info("Shard {0} is closed and read to its end", reader.Key);
            }
            else
            {
                SchedulePoll(reader, response.Records.Count > 0 ? Settings.PollInterval : Settings.IdlePollInterval);
            }

            Report(reader);
            EndIfDone(reader);
            Emit();
        }

        private void OnFailure(ShardReader reader, string operation, Exception error)
        {
            switch (error)
            {
                case KinesisExpiredIteratorException:
                    Log.Warning("Shard iterator of {0} expired; getting a new one after sequence number {1}",
                        reader.Key, reader.LastSequence ?? "(none)");
                    reader.Iterator = null;
                    SchedulePoll(reader, TimeSpan.Zero);
                    break;
                case KinesisThroughputExceededException:
                    var delay = Backoff(++reader.FailuresInARow);
                    Log.Info("{0} on {1} throttled ({2} in a row); waiting {3}", operation, reader.Key, reader.FailuresInARow, delay);
                    SchedulePoll(reader, delay);
                    break;
                case var permanent when IsPermanent(permanent):
                    FailStage(permanent);
                    break;
                default:
                    var wait = Backoff(++reader.FailuresInARow);
                    Log.Warning(error, "{0} on {1} failed; trying again in {2}", operation, reader.Key, wait);
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
                var record = reader.Buffer.Dequeue();
                reader.LastEmitted = record.Position.Offset;
                Push(_stage._out, record);
                if (reader.PollDue)
                {
                    Poll(reader);
                }

                EndIfDone(reader);
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

        /// <summary>A closed shard whose records are all emitted: its children may start.</summary>
        private void EndIfDone(ShardReader reader)
        {
            if (reader.EndReached && reader.Buffer.Count == 0 && !reader.Ended)
            {
                reader.Ended = true;
                Report(reader);
                _stage._host.Tell(new ShardReadToEnd(reader.Key));
            }
        }

        private void BeginStop()
        {
            _stopping = true;
            foreach (var reader in _order)
            {
                CancelTimer(reader.Key);
            }

            Emit();
        }

        private void Report(ShardReader reader) => Control.Report(reader.Key, new ShardProgress(
            reader.Key.ShardId, reader.LastSequence, reader.MillisBehindLatest, reader.Ended));

        private static Exception ErrorOf(Task task) =>
            task.Exception?.InnerException ?? task.Exception ?? (Exception)new TaskCanceledException(task);
    }
}
