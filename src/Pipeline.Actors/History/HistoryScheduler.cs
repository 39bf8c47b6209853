using Akka.Actor;
using Akka.Event;
using Pipeline.Actors.Records;

namespace Pipeline.Actors.History;

/// <summary>
/// Runs the history job on its cron schedule (meant to be hosted as a cluster singleton, so one
/// node runs it). A failed run is logged and retried once after the retry delay; the previous
/// results stay the latest until a run succeeds. The clock is injected so tests can place "now"
/// just before a scheduled time. Asks: <see cref="RunNow"/> (answers the <see cref="HistoryRun"/>),
/// <see cref="GetRuns"/>, <see cref="GetLatest"/>.
/// </summary>
public sealed class HistoryScheduler : ReceiveActor, IWithTimers
{
    /// <summary>Runs the job now, outside the schedule; the sender gets the <see cref="HistoryRun"/>.</summary>
    public sealed record RunNow;

    /// <summary>Answered with <see cref="HistoryRuns"/>.</summary>
    public sealed record GetRuns;

    public sealed record HistoryRuns(IReadOnlyList<HistoryRun> Runs);

    /// <summary>Answered with <see cref="LatestHistory"/>.</summary>
    public sealed record GetLatest(string Metric);

    /// <param name="Table">Null when no run has succeeded yet.</param>
    public sealed record LatestHistory(string Metric, MetricTable? Table);

    private sealed record Start(int Attempt, bool Scheduled);

    private sealed record Finished(HistoryRun Run, bool Scheduled);

    private readonly HistoryJob _job;
    private readonly HistorySettings _settings;
    private readonly Func<DateTimeOffset> _clock;
    private readonly ILoggingAdapter _log = Context.GetLogger();
    private readonly List<IActorRef> _waiting = [];
    private bool _running;

    public HistoryScheduler(HistoryJob job, HistorySettings settings, Func<DateTimeOffset>? clock = null)
    {
        _job = job;
        _settings = settings;
        _clock = clock ?? (() => DateTimeOffset.UtcNow);

        Receive<Start>(OnStart);
        Receive<RunNow>(_ =>
        {
            _waiting.Add(Sender);
            if (!_running)
                OnStart(new Start(1, Scheduled: false));
        });
        Receive<Finished>(OnFinished);
        Receive<GetRuns>(_ => _job.RunsAsync().PipeTo(Sender, success: runs => new HistoryRuns(runs)));
        Receive<GetLatest>(get => _job.LatestAsync(get.Metric).PipeTo(Sender, success: table => new LatestHistory(get.Metric, table)));
    }

    public ITimerScheduler Timers { get; set; } = null!;

    public static Props Props(HistoryJob job, HistorySettings settings, Func<DateTimeOffset>? clock = null) =>
        Akka.Actor.Props.Create(() => new HistoryScheduler(job, settings, clock));

    protected override void PreStart() => ScheduleNext();

    private void ScheduleNext()
    {
        var now = _clock();
        var next = _settings.Schedule.Next(now);
        Timers.StartSingleTimer("scheduled", new Start(1, Scheduled: true), next - now);
        _log.Info("History job next runs at {0:O} ({1})", next, _settings.Schedule);
    }

    private void OnStart(Start start)
    {
        if (_running)
        {
            _log.Warning("History job still running; skipping the run due now");
            if (start.Scheduled)
                ScheduleNext();
            return;
        }

        _running = true;
        var started = _clock();
        _job.RunAsync(started, start.Attempt).PipeTo(Self,
            success: run => new Finished(run, start.Scheduled),
            failure: e => new Finished(
                new HistoryRun(HistoryRun.IdOf(started), started, HistoryRunStatus.Failed, _clock() - started, start.Attempt, e.Message),
                start.Scheduled));
    }

    private void OnFinished(Finished finished)
    {
        _running = false;
        var run = finished.Run;
        if (run.Status == HistoryRunStatus.Succeeded)
        {
            _log.Info("History run {0} succeeded in {1}", run.Id, run.Duration);
        }
        else
        {
            _log.Error("History run {0} (attempt {1}) failed: {2}", run.Id, run.Attempt, run.Error);
            if (run.Attempt == 1)
                Timers.StartSingleTimer("retry", new Start(2, Scheduled: false), _settings.RetryDelay);
        }

        foreach (var waiting in _waiting)
            waiting.Tell(run);
        _waiting.Clear();
        if (finished.Scheduled)
            ScheduleNext();
    }
}
