using System.Diagnostics;
using Akka.Streams;
using Akka.Streams.Stage;
using Pipeline.Actors.Records;

namespace Pipeline.Actors.Lake;

/// <summary>
/// Cuts the stream into windows, one open per partition: a window closes when it holds
/// <c>flushSize</c> records, when a record arrives <c>rotateInterval</c> of arrival time after the
/// window's first, and when its partition has had no record for <c>rotateIdle</c> of wall time.
/// <para>
/// Replays are aligned with what was written before: the first time a partition is seen, the stage
/// lists that partition's window markers (written before each window's objects); a window that
/// starts where a marker starts closes exactly at the marker's last offset, whatever the size, time
/// or idle rules say, and any window closes before a record where a marker starts, so after a
/// crash the same objects are rewritten with the same content. An
/// aligned window still incomplete when the stream ends is dropped: none of it was reported, so the
/// source replays it.
/// </para>
/// Memory stays bounded: the stage stops pulling while a closed window waits for downstream.
/// </summary>
public sealed class LakeWindowStage(ILakeStore store, int flushSize, TimeSpan rotateInterval, TimeSpan rotateIdle)
    : GraphStage<FlowShape<LakeEntry, LakeWindow>>
{
    private readonly ILakeStore _store = store;
    private readonly int _flushSize = flushSize;
    private readonly TimeSpan _rotateInterval = rotateInterval;
    private readonly TimeSpan _rotateIdle = rotateIdle;
    private readonly Inlet<LakeEntry> _in = new("LakeWindow.in");
    private readonly Outlet<LakeWindow> _out = new("LakeWindow.out");

    public override FlowShape<LakeEntry, LakeWindow> Shape => new(_in, _out);

    protected override GraphStageLogic CreateLogic(Attributes inheritedAttributes) => new Logic(this);

    private sealed class Partition
    {
        public bool Scanned;
        public Dictionary<string, string> Markers = [];
        public List<LakeEntry>? Open;
        public DateTimeOffset FirstArrival;
        public string? AlignedLast;
        public long LastActivity;
    }

    private sealed class Logic : TimerGraphStageLogic
    {
        private readonly LakeWindowStage _stage;
        private readonly Dictionary<(string Source, string Partition), Partition> _partitions = [];
        private readonly Queue<LakeWindow> _ready = new();
        private readonly long _idleTicks;
        private LakeEntry? _waitingForScan;
        private bool _finishing;

        public Logic(LakeWindowStage stage) : base(stage.Shape)
        {
            _stage = stage;
            _idleTicks = (long)(stage._rotateIdle.TotalSeconds * Stopwatch.Frequency);
            SetHandler(stage._in, onPush: OnPush, onUpstreamFinish: OnUpstreamFinish);
            SetHandler(stage._out, onPull: Flow);
        }

        public override void PreStart()
        {
            var check = TimeSpan.FromTicks(Math.Max(_stage._rotateIdle.Ticks / 4, TimeSpan.FromMilliseconds(10).Ticks));
            ScheduleRepeatedly("idle", check);
        }

        protected override void OnTimer(object timerKey)
        {
            var now = Stopwatch.GetTimestamp();
            foreach (var partition in _partitions.Values)
            {
                if (partition.Open is not null && partition.AlignedLast is null && now - partition.LastActivity >= _idleTicks)
                    Close(partition);
            }

            Flow();
        }

        private void OnPush()
        {
            var entry = Grab(_stage._in);
            var partition = PartitionOf(entry.Position);
            if (partition.Scanned)
            {
                Accept(partition, entry);
                Flow();
                return;
            }

            _waitingForScan = entry;
            var scanned = GetAsyncCallback<IReadOnlyList<string>>(keys => OnScanned(partition, keys));
            var failed = GetAsyncCallback<Exception>(FailStage);
            _stage._store.ListAsync(LakeKeys.WindowMarkerFolder(entry.Position.Source, entry.Position.Partition))
                .ContinueWith(task =>
                {
                    if (task.IsCompletedSuccessfully)
                        scanned(task.Result);
                    else
                        failed(task.Exception?.GetBaseException() ?? new TaskCanceledException());
                }, TaskScheduler.Default);
        }

        private void OnScanned(Partition partition, IReadOnlyList<string> markerKeys)
        {
            foreach (var key in markerKeys)
            {
                if (LakeKeys.TryParseWindowMarker(key, out var first, out var last))
                    partition.Markers[first] = last;
            }

            partition.Scanned = true;
            var entry = _waitingForScan!;
            _waitingForScan = null;
            Accept(partition, entry);
            if (_finishing)
                CloseAllAtEnd();
            Flow();
        }

        private void OnUpstreamFinish()
        {
            _finishing = true;
            if (_waitingForScan is null)
                CloseAllAtEnd();
            Flow();
        }

        private Partition PartitionOf(SourcePosition position)
        {
            if (!_partitions.TryGetValue((position.Source, position.Partition), out var partition))
            {
                partition = new Partition();
                _partitions[(position.Source, position.Partition)] = partition;
            }

            return partition;
        }

        private void Accept(Partition partition, LakeEntry entry)
        {
            var position = entry.Position;
            if (partition.Open is not null)
            {
                // A record where an earlier run started a window also closes the open one, so the
                // replay does not spill into objects that were written (out of order) before the crash.
                var beyond = partition.AlignedLast is { } target
                    ? SourcePosition.CompareOffsets(position.Offset, target) > 0
                    : position.ArrivalTime - partition.FirstArrival >= _stage._rotateInterval || partition.Markers.ContainsKey(position.Offset);
                if (beyond)
                    Close(partition);
            }

            if (partition.Open is null)
            {
                partition.Open = [];
                partition.FirstArrival = position.ArrivalTime;
                partition.AlignedLast = partition.Markers.GetValueOrDefault(position.Offset);
            }

            partition.Open.Add(entry);
            partition.LastActivity = Stopwatch.GetTimestamp();
            var full = partition.AlignedLast is { } last
                ? SourcePosition.CompareOffsets(position.Offset, last) >= 0
                : partition.Open.Count >= _stage._flushSize;
            if (full)
                Close(partition);
        }

        private void Close(Partition partition)
        {
            _ready.Enqueue(new LakeWindow(partition.Open!, partition.AlignedLast));
            partition.Open = null;
            partition.AlignedLast = null;
        }

        private void CloseAllAtEnd()
        {
            foreach (var partition in _partitions.Values.Where(p => p.Open is not null))
            {
                if (partition.AlignedLast is null)
                    Close(partition);
                else
                    partition.Open = null;
            }
        }

        /// <summary>Emits a closed window when downstream wants one, and pulls only when none waits.</summary>
        private void Flow()
        {
            if (_ready.Count > 0 && IsAvailable(_stage._out))
                Push(_stage._out, _ready.Dequeue());
            if (_ready.Count > 0 || _waitingForScan is not null)
                return;
            if (_finishing)
                CompleteStage();
            else if (!HasBeenPulled(_stage._in))
                Pull(_stage._in);
        }
    }
}
