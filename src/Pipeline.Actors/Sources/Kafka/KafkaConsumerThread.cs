using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using Akka.Event;
using Confluent.Kafka;
using Confluent.Kafka.Admin;
using Pipeline.Actors.Records;
using Error = Confluent.Kafka.Error;
using LogMessage = Confluent.Kafka.LogMessage;

namespace Pipeline.Actors.Sources.Kafka;

/// <summary>
/// The one thread that owns a Kafka consumer: every Consume, rebalance callback and commit happens
/// here, as librdkafka's consumer is not meant to be shared. Other threads talk to it only through
/// queues (done positions, commands) and the <see cref="RecordBuffer"/>.
/// </summary>
internal sealed class KafkaConsumerThread
{
    private static readonly TimeSpan PollTimeout = TimeSpan.FromMilliseconds(50);
    private static readonly TimeSpan ClusterIdTimeout = TimeSpan.FromSeconds(5);

    /// <summary>How long a batch may wait for more records before it is handed over. Waking the
    /// stage costs microseconds of thread switching, which one-record batches would pay per record.</summary>
    private static readonly TimeSpan BatchLinger = TimeSpan.FromMilliseconds(5);

    /// <summary>How long the buffer may stay full before the partitions are paused. Pausing makes
    /// librdkafka drop the records it prefetched and fetch them again on resume, so short
    /// back-pressure is waited out instead (without polling: well within max.poll.interval.ms).</summary>
    private static readonly TimeSpan PauseAfter = TimeSpan.FromMilliseconds(500);

    private readonly KafkaSettings _settings;
    private readonly RecordBuffer _buffer;
    private readonly int _batchSize;
    private readonly ConcurrentQueue<(SourcePosition Position, bool Through)> _done = new();
    private readonly ConcurrentQueue<Command> _commands = new();
    private readonly TaskCompletionSource _completion = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly Dictionary<string, TopicState> _topicsByName = new(StringComparer.Ordinal);
    private readonly Dictionary<string, TopicState> _topicsBySource = new(StringComparer.Ordinal);
    private readonly List<TopicPartition> _assignedSincePoll = [];
    private readonly Stopwatch _sinceCommit = Stopwatch.StartNew();

    private ILoggingAdapter _log = NoLogger.Instance;
    private Action _intakeEnded = () => { };
    private Action<Exception> _failed = _ => { };
    private volatile string? _clusterId;
    private volatile Exception? _fatal;
    private bool _intakeStopped;
    private bool _intakeEndSignalled;
    private bool _paused;
    private DateTime? _fullSince;
    private bool _streamEnded;
    private DateTime? _drainDeadline;
    private int _doneSinceCommit;
    private int _assignments;
    private int _revocations;
    private int _losses;

    public KafkaConsumerThread(KafkaSettings settings, RecordBuffer buffer)
    {
        if (settings.BootstrapServers is null)
        {
            throw new ArgumentException("Kafka settings have no bootstrap servers.", nameof(settings));
        }

        _settings = settings;
        _buffer = buffer;
        _batchSize = Math.Clamp(settings.BufferSize / 4, 1, 500);
    }

    public string? ClusterId => _clusterId;

    public Task Completion => _completion.Task;

    /// <param name="intakeEnded">Called once no more records will be added to the buffer.</param>
    /// <param name="failed">Called when the consumer failed for good.</param>
    public void Start(ILoggingAdapter log, Action intakeEnded, Action<Exception> failed)
    {
        _log = log;
        _intakeEnded = intakeEnded;
        _failed = failed;
        new Thread(Run) { IsBackground = true, Name = $"kafka-consumer-{_settings.GroupId}" }.Start();
    }

    public void ReportDone(SourcePosition position) => _done.Enqueue((position, false));

    public void ReportDoneThrough(SourcePosition position) => _done.Enqueue((position, true));

    public void Stop() => _commands.Enqueue(new StopIntake());

    public Task DrainAndShutdown(TimeSpan timeout)
    {
        _commands.Enqueue(new Drain(timeout));
        return Completion;
    }

    /// <summary>The stage stopped. Unless intake was stopped on purpose (then the owner drains later),
    /// the stream was cancelled or failed: commit what is done and close.</summary>
    public void StreamEnded() => _commands.Enqueue(new StreamEnd());

    public Task<KafkaSourceStatus> StatusAsync()
    {
        var request = new StatusRequest(new TaskCompletionSource<KafkaSourceStatus>(TaskCreationOptions.RunContinuationsAsynchronously));
        _commands.Enqueue(request);
        return Completion.IsCompleted ? Task.FromResult(Snapshot(null)) : request.Reply.Task;
    }

    private void Run()
    {
        IConsumer<Ignore, byte[]>? consumer = null;
        try
        {
            consumer = Build();
            _clusterId = ResolveClusterId(consumer);
            if (_clusterId is not null)
            {
                consumer.Subscribe(KafkaTopics.Subscription(_settings.TopicPrefixes));
                ConsumeUntilFinished(consumer);
                Commit(consumer);
            }

            EndIntake();
            consumer.Close();
            _completion.TrySetResult();
        }
        catch (Exception e)
        {
            _log.Error(e, "Kafka consumer of group {0} failed", _settings.GroupId);
            EndIntake();
            _failed(e);
            _completion.TrySetException(e);
        }
        finally
        {
            consumer?.Dispose();
            AnswerRemainingStatusRequests();
        }
    }

    private void ConsumeUntilFinished(IConsumer<Ignore, byte[]> consumer)
    {
        while (true)
        {
            if (_fatal is { } fatal)
            {
                throw fatal;
            }

            ApplyCommands(consumer);
            ApplyDone();
            if (Finished())
            {
                return;
            }

            if (WaitingOutBackPressure())
            {
                _buffer.WaitForSpace(PollTimeout);
            }
            else
            {
                Poll(consumer);
            }

            FollowBackPressure(consumer);
            if (_doneSinceCommit >= _settings.CommitBatchSize || _sinceCommit.Elapsed >= _settings.CommitInterval)
            {
                Commit(consumer);
            }
        }
    }

    private bool Finished()
    {
        if (_drainDeadline is { } deadline)
        {
            if (AllDone())
            {
                return true;
            }

            if (DateTime.UtcNow >= deadline)
            {
                _log.Warning("Kafka source of group {0}: drain timed out with records in flight; committing what is done", _settings.GroupId);
                return true;
            }

            return false;
        }

        return _streamEnded && !_intakeStopped;
    }

    private bool AllDone() =>
        _topicsByName.Values.All(topic => topic.Partitions.Values.All(progress => progress.InFlight == 0));

    private void ApplyCommands(IConsumer<Ignore, byte[]> consumer)
    {
        while (_commands.TryDequeue(out var command))
        {
            switch (command)
            {
                case StopIntake:
                    StopTaking(consumer);
                    break;
                case Drain drain:
                    StopTaking(consumer);
                    _drainDeadline ??= DateTime.UtcNow + drain.Timeout;
                    break;
                case StreamEnd:
                    _streamEnded = true;
                    break;
                case StatusRequest status:
                    status.Reply.TrySetResult(Snapshot(consumer));
                    break;
            }
        }
    }

    private void StopTaking(IConsumer<Ignore, byte[]> consumer)
    {
        if (_intakeStopped)
        {
            return;
        }

        _intakeStopped = true;
        Pause(consumer);
        EndIntake();
    }

    private void EndIntake()
    {
        if (!_intakeEndSignalled)
        {
            _intakeEndSignalled = true;
            _intakeEnded();
        }
    }

    private void Poll(IConsumer<Ignore, byte[]> consumer)
    {
        List<RawRecord>? batch = null;
        try
        {
            var result = consumer.Consume(PollTimeout);
            var started = Stopwatch.GetTimestamp();
            while (result is not null)
            {
                // While stopped, records that slipped through (from a partition assigned during
                // this poll, before it could be paused) are dropped: never delivered, never committed.
                if (!_intakeStopped)
                {
                    (batch ??= new List<RawRecord>(_batchSize)).Add(Deliver(result));
                }

                var linger = BatchLinger - Stopwatch.GetElapsedTime(started);
                if (batch is not null && batch.Count >= _batchSize || linger <= TimeSpan.Zero)
                {
                    break;
                }

                result = consumer.Consume(linger);
            }
        }
        catch (ConsumeException e) when (!e.Error.IsFatal)
        {
            // E.g. a pinned prefix whose topics do not exist yet; the consumer carries on.
            _log.Warning("Kafka consume error in group {0}: {1}", _settings.GroupId, e.Error.Reason);
        }

        if (batch is not null)
        {
            _buffer.Add(batch.ToArray());
        }

        if (_assignedSincePoll.Count > 0)
        {
            // Partitions cannot be paused inside the assignment callback (they are assigned after it
            // returns), so new ones join the paused state here.
            if (_paused)
            {
                consumer.Pause(_assignedSincePoll);
            }

            _assignedSincePoll.Clear();
        }
    }

    private RawRecord Deliver(ConsumeResult<Ignore, byte[]> result)
    {
        var topic = Topic(result.Topic);
        var partition = result.Partition.Value;
        var offset = result.Offset.Value;
        if (!topic.Partitions.TryGetValue(partition, out var progress))
        {
            progress = topic.Partitions[partition] = new PartitionProgress();
        }

        progress.Delivered(offset);
        var position = new SourcePosition(
            topic.Source,
            topic.PartitionName(partition),
            offset.ToString(CultureInfo.InvariantCulture),
            DateTimeOffset.FromUnixTimeMilliseconds(result.Message.Timestamp.UnixTimestampMs));
        return new RawRecord(topic.Table, result.Message.Value ?? [], position);
    }

    private bool WaitingOutBackPressure() => _fullSince is not null && !_paused && !_intakeStopped;

    private void FollowBackPressure(IConsumer<Ignore, byte[]> consumer)
    {
        if (_intakeStopped)
        {
            return;
        }

        var buffered = _buffer.Count;
        if (buffered >= _settings.BufferSize)
        {
            _fullSince ??= DateTime.UtcNow;
            if (!_paused && DateTime.UtcNow - _fullSince >= PauseAfter)
            {
                Pause(consumer);
            }
        }
        else if (!_paused || buffered <= _settings.BufferSize / 2)
        {
            _fullSince = null;
            if (_paused)
            {
                _paused = false;
                consumer.Resume(consumer.Assignment);
            }
        }
    }

    private void Pause(IConsumer<Ignore, byte[]> consumer)
    {
        _paused = true;
        consumer.Pause(consumer.Assignment);
    }

    private void ApplyDone()
    {
        while (_done.TryDequeue(out var report))
        {
            var position = report.Position;
            // Positions of other sources, of partitions no longer assigned (revoked: their commit is
            // dropped) or from before the current assignment change nothing.
            if (_topicsBySource.TryGetValue(position.Source, out var topic)
                && int.TryParse(position.Partition, NumberStyles.None, CultureInfo.InvariantCulture, out var partition)
                && long.TryParse(position.Offset, NumberStyles.None, CultureInfo.InvariantCulture, out var offset)
                && topic.Partitions.TryGetValue(partition, out var progress)
                && (report.Through ? progress.DoneThrough(offset) : progress.Done(offset)))
            {
                _doneSinceCommit++;
            }
        }
    }

    private void Commit(IConsumer<Ignore, byte[]> consumer)
    {
        _sinceCommit.Restart();
        _doneSinceCommit = 0;
        Commit(consumer, _ => true);
    }

    private void Commit(IConsumer<Ignore, byte[]> consumer, Func<TopicPartition, bool> include)
    {
        var offsets = new List<(PartitionProgress Progress, TopicPartitionOffset Offset)>();
        foreach (var topic in _topicsByName.Values)
        {
            foreach (var (partition, progress) in topic.Partitions)
            {
                var topicPartition = new TopicPartition(topic.Name, partition);
                if (progress.HasUncommitted && include(topicPartition))
                {
                    offsets.Add((progress, new TopicPartitionOffset(topicPartition, progress.Committable!.Value)));
                }
            }
        }

        if (offsets.Count == 0)
        {
            return;
        }

        try
        {
            consumer.Commit(offsets.Select(o => o.Offset));
            foreach (var (progress, offset) in offsets)
            {
                progress.MarkCommitted(offset.Offset.Value);
            }
        }
        catch (KafkaException e)
        {
            // Typically a rebalance in progress; what is still assigned is retried at the next commit.
            _log.Warning("Kafka commit of group {0} failed: {1}", _settings.GroupId, e.Error.Reason);
        }
    }

    private void OnAssigned(List<TopicPartition> partitions)
    {
        _assignments++;
        foreach (var partition in partitions)
        {
            Topic(partition.Topic).Partitions[partition.Partition.Value] = new PartitionProgress();
            _assignedSincePoll.Add(partition);
        }

        _log.Info("Kafka group {0} assigned {1}", _settings.GroupId, string.Join(", ", partitions));
    }

    private void OnRevoked(IConsumer<Ignore, byte[]> consumer, List<TopicPartitionOffset> partitions)
    {
        _revocations++;
        ApplyDone();
        var revoked = partitions.Select(p => p.TopicPartition).ToHashSet();
        // Still owned during this callback: the last chance to commit what the stream finished.
        Commit(consumer, revoked.Contains);
        Forget(revoked);
        _log.Info("Kafka group {0} revoked {1}", _settings.GroupId, string.Join(", ", revoked));
    }

    private void OnLost(List<TopicPartitionOffset> partitions)
    {
        _losses++;
        // Already owned by another member: committing would overwrite its progress.
        Forget(partitions.Select(p => p.TopicPartition));
        _log.Warning("Kafka group {0} lost {1}", _settings.GroupId, string.Join(", ", partitions.Select(p => p.TopicPartition)));
    }

    private void Forget(IEnumerable<TopicPartition> partitions)
    {
        foreach (var partition in partitions)
        {
            Topic(partition.Topic).Partitions.Remove(partition.Partition.Value);
            _assignedSincePoll.Remove(partition);
        }
    }

    private TopicState Topic(string name)
    {
        if (!_topicsByName.TryGetValue(name, out var topic))
        {
            if (!KafkaTopics.TryParseTable(name, out var table))
            {
                throw new InvalidOperationException($"Topic {name} is not named <prefix>.<table> but was subscribed to.");
            }

            topic = new TopicState(name, $"kafka:{_clusterId}/{name}", table);
            _topicsByName[name] = topic;
            _topicsBySource[topic.Source] = topic;
        }

        return topic;
    }

    private IConsumer<Ignore, byte[]> Build()
    {
        var config = new ConsumerConfig
        {
            BootstrapServers = _settings.BootstrapServers,
            GroupId = _settings.GroupId,
            GroupInstanceId = _settings.InstanceId,
            PartitionAssignmentStrategy = PartitionAssignmentStrategy.CooperativeSticky,
            EnableAutoCommit = false,
            EnableAutoOffsetStore = false,
            AutoOffsetReset = AutoOffsetReset.Earliest,
            TopicMetadataRefreshIntervalMs = (int)_settings.TopicRefreshInterval.TotalMilliseconds,
            // Headers are not used; skipping them saves an allocation per record.
            ConsumeResultFields = "topic,timestamp",
        };
        foreach (var (key, value) in _settings.ConsumerProperties)
        {
            config.Set(key, value);
        }

        return new ConsumerBuilder<Ignore, byte[]>(config)
            .SetPartitionsAssignedHandler((_, partitions) => OnAssigned(partitions))
            .SetPartitionsRevokedHandler((consumer, partitions) => OnRevoked(consumer, partitions))
            .SetPartitionsLostHandler((_, partitions) => OnLost(partitions))
            .SetErrorHandler((_, error) => OnError(error))
            .SetLogHandler((_, message) => OnLog(message))
            .Build();
    }

    private void OnError(Error error)
    {
        if (error.IsFatal)
        {
            _fatal = new KafkaException(error);
        }
        else
        {
            _log.Warning("Kafka consumer of group {0}: {1}", _settings.GroupId, error.Reason);
        }
    }

    private void OnLog(LogMessage message)
    {
        var level = message.Level switch
        {
            <= SyslogLevel.Error => LogLevel.ErrorLevel,
            SyslogLevel.Warning => LogLevel.WarningLevel,
            SyslogLevel.Notice or SyslogLevel.Info => LogLevel.InfoLevel,
            _ => LogLevel.DebugLevel,
        };
        _log.Log(level, "librdkafka {0} {1}: {2}", [message.Name, message.Facility, message.Message]);
    }

    /// <summary>Asks the cluster for its id, retrying while it is unreachable. Null when the source
    /// was told to finish before the cluster answered.</summary>
    private string? ResolveClusterId(IConsumer<Ignore, byte[]> consumer)
    {
        using var admin = new DependentAdminClientBuilder(consumer.Handle).Build();
        while (true)
        {
            ApplyCommands(consumer);
            if (_drainDeadline is not null || _streamEnded)
            {
                return null;
            }

            try
            {
                var description = admin.DescribeClusterAsync(new DescribeClusterOptions { RequestTimeout = ClusterIdTimeout })
                    .GetAwaiter().GetResult();
                if (string.IsNullOrEmpty(description.ClusterId))
                {
                    // Brokers older than Kafka 0.10 have no id; their address is the best name left.
                    return _settings.BootstrapServers;
                }

                return description.ClusterId;
            }
            catch (KafkaException e)
            {
                _log.Warning("Kafka cluster at {0} did not answer yet: {1}", _settings.BootstrapServers, e.Error.Reason);
            }
        }
    }

    private KafkaSourceStatus Snapshot(IConsumer<Ignore, byte[]>? consumer)
    {
        var partitions = _topicsByName.Values
            .SelectMany(topic => topic.Partitions.Select(p => (Topic: topic.Name, Partition: p.Key, Progress: p.Value)))
            .OrderBy(p => p.Topic, StringComparer.Ordinal).ThenBy(p => p.Partition)
            .Select(p => new KafkaPartitionStatus(
                p.Topic,
                p.Partition,
                p.Progress.LastDelivered,
                p.Progress.Committed,
                consumer?.GetWatermarkOffsets(new TopicPartition(p.Topic, p.Partition)).High is { IsSpecial: false } high ? high.Value : null,
                p.Progress.InFlight))
            .ToList();
        return new KafkaSourceStatus(_clusterId, _paused, _intakeStopped, _assignments, _revocations, _losses, partitions);
    }

    /// <summary>Runs after <see cref="Completion"/> is set, so a request queued later is answered
    /// by <see cref="StatusAsync"/> itself.</summary>
    private void AnswerRemainingStatusRequests()
    {
        while (_commands.TryDequeue(out var command))
        {
            if (command is StatusRequest status)
            {
                status.Reply.TrySetResult(Snapshot(null));
            }
        }
    }

    private sealed class TopicState(string name, string source, Table table)
    {
        private string[] _partitionNames = [];

        public string Name { get; } = name;

        /// <summary>The <see cref="SourcePosition.Source"/> of this topic's records.</summary>
        public string Source { get; } = source;

        public Table Table { get; } = table;

        public Dictionary<int, PartitionProgress> Partitions { get; } = [];

        /// <summary>Partition numbers as strings, cached: every record carries one.</summary>
        public string PartitionName(int partition)
        {
            if (partition >= _partitionNames.Length)
            {
                Array.Resize(ref _partitionNames, partition + 1);
            }

            return _partitionNames[partition] ??= partition.ToString(CultureInfo.InvariantCulture);
        }
    }

    private abstract record Command;

    private sealed record StopIntake : Command;

    private sealed record Drain(TimeSpan Timeout) : Command;

    private sealed record StreamEnd : Command;

    private sealed record StatusRequest(TaskCompletionSource<KafkaSourceStatus> Reply) : Command;
}
