using Akka.Streams;
using Akka.Streams.Dsl;
using Akka.Streams.Stage;
using Pipeline.Actors.Records;

namespace Pipeline.Actors.Sources.Kafka;

/// <summary>
/// The committable Kafka source: records of the topics <c>&lt;prefix&gt;.pin|geo|user</c> as
/// <see cref="RawRecord"/>s whose <see cref="SourcePosition"/> is (<c>kafka:&lt;cluster id&gt;/&lt;topic&gt;</c>,
/// partition, offset, Kafka timestamp). Nothing is committed until reported done through the
/// materialized <see cref="KafkaControl"/>. Each materialization is one group member with its own
/// consumer thread.
/// </summary>
public static class KafkaSource
{
    public static Source<RawRecord, KafkaControl> Create(KafkaSettings settings) =>
        Source.FromGraph(new KafkaSourceStage(settings));
}

internal sealed class KafkaSourceStage(KafkaSettings settings) : GraphStageWithMaterializedValue<SourceShape<RawRecord>, KafkaControl>
{
    private readonly Outlet<RawRecord> _out = new("KafkaSource.out");

    public override SourceShape<RawRecord> Shape => new(_out);

    protected override Attributes InitialAttributes { get; } = Attributes.CreateName("KafkaSource");

    public override ILogicAndMaterializedValue<KafkaControl> CreateLogicAndMaterializedValue(Attributes inheritedAttributes)
    {
        var logic = new Logic(this, settings);
        return new LogicAndMaterializedValue<KafkaControl>(logic, logic.Control);
    }

    private sealed class Logic : OutGraphStageLogic
    {
        private readonly KafkaSourceStage _stage;
        private readonly RecordBuffer _buffer = new();
        private readonly KafkaConsumerThread _consumer;
        private RawRecord[] _batch = [];
        private int _next;
        private bool _intakeEnded;

        public Logic(KafkaSourceStage stage, KafkaSettings settings) : base(stage.Shape)
        {
            _stage = stage;
            _consumer = new KafkaConsumerThread(settings, _buffer);
            Control = new KafkaControl(_consumer, settings.DrainTimeout);
            SetHandler(stage._out, this);
        }

        public KafkaControl Control { get; }

        public override void PreStart()
        {
            var available = GetAsyncCallback(OnAvailable);
            var intakeEnded = GetAsyncCallback(OnIntakeEnded);
            var failed = GetAsyncCallback<Exception>(FailStage);
            _buffer.WhenAvailable(available);
            _consumer.Start(Log, intakeEnded, failed);
        }

        public override void PostStop() => _consumer.StreamEnded();

        public override void OnPull() => PushNext();

        private void OnAvailable()
        {
            if (IsAvailable(_stage._out))
            {
                PushNext();
            }
        }

        private void OnIntakeEnded()
        {
            _intakeEnded = true;
            if (IsAvailable(_stage._out))
            {
                PushNext();
            }
        }

        private void PushNext()
        {
            if (_next < _batch.Length || TakeBatch())
            {
                Push(_stage._out, _batch[_next++]);
            }
            else if (_intakeEnded)
            {
                CompleteStage();
            }
            else
            {
                _buffer.AwaitAvailable();
            }
        }

        private bool TakeBatch()
        {
            if (!_buffer.TryTake(out var batch))
            {
                return false;
            }

            _batch = batch;
            _next = 0;
            return true;
        }
    }
}
