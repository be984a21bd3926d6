using System.Text;
using Enc.Scheduling.Preemption;
using Enc.Scheduling.Validation;

namespace Enc.Scheduling;

/// <summary>
/// ENC's scheduler: a deterministic pipeline of plugins over a <see cref="SchedulerState"/>.
/// PreFilter → class filters (cached per node class) → per-node filters over a deterministic sample →
/// PreScore/Score/Normalize → algorithm selection → preemption when nothing fits → bind and assume.
/// </summary>
/// <remarks>
/// Not thread-safe: one pipeline runs one cycle at a time and owns its state. Concurrent schedulers
/// each own a pipeline and meet at an <see cref="IBindingTarget"/>, which re-checks capacity.
/// Determinism rules: nodes and instances are ordered by id; the scan starts at a stable hash of
/// workload id and replica; ties go to a stable hash of (node id, workload id); all scores are integers.
/// </remarks>
public sealed partial class SchedulingPipeline
{
    private readonly IPreFilterPlugin[] _preFilters;
    private readonly INodeClassFilterPlugin[] _classFilters;
    private readonly IFilterPlugin[] _filters;
    private readonly IScorePlugin[] _scorers;
    private readonly int[] _weights;
    private readonly AlgorithmRegistry _algorithms;
    private readonly SchedulingCycle _cycle;
    private readonly Preemptor _preemptor;
    private readonly Dictionary<string, ClassVerdict[]> _verdictCache = new(StringComparer.Ordinal);
    private readonly StringBuilder _cacheKey = new();
    private SchedulingRequest? _lastRequest;
    private ClassVerdict[] _lastVerdicts = [];

    /// <summary>Builds a pipeline over <paramref name="snapshot"/>; throws <see cref="SchedulingValidationException"/> for invalid input.</summary>
    public SchedulingPipeline(ClusterSnapshot snapshot, SchedulerOptions? options = null, PluginRegistry? plugins = null, AlgorithmRegistry? algorithms = null)
    {
        Options = options ?? new SchedulerOptions();
        plugins ??= PluginRegistry.CreateDefault();
        _algorithms = algorithms ?? AlgorithmRegistry.CreateDefault();
        SchedulingValidationException.ThrowIfAny(SchedulerOptionsValidator.Validate(Options, plugins, _algorithms));
        State = new SchedulerState(snapshot);

        var built = Options.Plugins.Select(plugins.Create).ToArray();
        _preFilters = built.OfType<IPreFilterPlugin>().ToArray();
        _classFilters = built.OfType<INodeClassFilterPlugin>().ToArray();
        _filters = built.OfType<IFilterPlugin>().ToArray();
        _scorers = built.OfType<IScorePlugin>().ToArray();
        _weights = _scorers.Select(s => Options.ScoreWeights.TryGetValue(s.Name, out var w) ? w : 1).ToArray();
        _scorerActive = new bool[_scorers.Length];
        _cycle = new SchedulingCycle(State, Options);
        _preemptor = new Preemptor(_filters);
    }

    /// <summary>The options in effect.</summary>
    public SchedulerOptions Options { get; }

    /// <summary>The working state (snapshot plus every placement and eviction made so far).</summary>
    public SchedulerState State { get; }

    /// <summary>Validates a request against this pipeline's algorithms; empty when valid.</summary>
    public IReadOnlyList<ValidationError> Validate(SchedulingRequest request) => SchedulingRequestValidator.Validate(request, _algorithms);

    /// <summary>
    /// Places replica <paramref name="replicaIndex"/> of <paramref name="request"/> against the working
    /// state only (planning, or validators re-executing a proposal) and records it in the state.
    /// </summary>
    public SchedulingDecision Schedule(SchedulingRequest request, int replicaIndex, ExplainLevel explain = ExplainLevel.Summary) =>
        Run(request, replicaIndex, explain, target: null);

    /// <summary>
    /// Places a replica and binds it on <paramref name="target"/>; on a binding conflict refreshes the
    /// node from the live view and recomputes, up to <see cref="SchedulerOptions.MaxBindAttempts"/> times.
    /// </summary>
    public SchedulingDecision ScheduleAndBind(SchedulingRequest request, int replicaIndex, IBindingTarget target, ExplainLevel explain = ExplainLevel.Summary)
    {
        ArgumentNullException.ThrowIfNull(target);
        return Run(request, replicaIndex, explain, target);
    }

    /// <summary>
    /// Drains <paramref name="queue"/> in its order; Pending replicas go to its unschedulable sub-queue
    /// with the events that may help them.
    /// </summary>
    public IReadOnlyList<SchedulingDecision> ScheduleQueue(SchedulingQueue queue, IBindingTarget? target = null, ExplainLevel explain = ExplainLevel.Summary)
    {
        var decisions = new List<SchedulingDecision>();
        while (queue.TryDequeue(out var item))
        {
            var decision = Run(item.Request, item.ReplicaIndex, explain, target);
            if (decision.Outcome == SchedulingOutcome.Pending)
            {
                queue.MarkUnschedulable(item, decision.RequeueOn);
            }

            decisions.Add(decision);
        }

        return decisions;
    }

    private SchedulingDecision Run(SchedulingRequest request, int replicaIndex, ExplainLevel explain, IBindingTarget? target)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!ReferenceEquals(request, _lastRequest))
        {
            SchedulingValidationException.ThrowIfAny(Validate(request));
        }

        var verdicts = ClassVerdicts(request);
        _cycle.Begin(request, replicaIndex, verdicts);
        var algorithm = _algorithms.Get(_cycle.AlgorithmName);
        var conflict = "";
        for (var attempt = 0; attempt < Options.MaxBindAttempts; attempt++)
        {
            var plan = Plan(algorithm);
            if (plan.Node < 0)
            {
                return PendingDecision(plan, algorithm, explain);
            }

            var node = plan.Node;
            var instance = new RunningInstance
            {
                Id = InstanceIds.For(request.WorkloadId, replicaIndex),
                WorkloadId = request.WorkloadId,
                Namespace = request.Namespace,
                NodeId = State.NodeIds[node],
                Labels = request.Labels,
                Priority = request.Priority,
                Resources = request.Resources,
                Tolerations = request.Tolerations,
            };
            var nodeVerdicts = explain == ExplainLevel.Nodes ? ExplainNodes(plan) : [];
            if (target is not null)
            {
                var bound = target.TryBind(new BindingRequest { NodeId = instance.NodeId, Instance = instance, Victims = plan.VictimIds(State) });
                if (!bound.Bound)
                {
                    State.RefreshAllocated(node, bound.LiveAllocated);
                    conflict = bound.Conflict;
                    _cycle.Begin(request, replicaIndex, verdicts);
                    continue;
                }
            }

            var evictions = CommitVictims(plan);
            State.Assume(instance);
            algorithm.OnPlaced(_cycle, node);
            return PlacedDecision(plan, algorithm, instance, evictions, nodeVerdicts);
        }

        return new SchedulingDecision
        {
            WorkloadId = request.WorkloadId,
            ReplicaIndex = replicaIndex,
            Outcome = SchedulingOutcome.Pending,
            Algorithm = algorithm.Name,
            TotalNodes = State.NodeCount,
            Message = $"binding failed {Options.MaxBindAttempts} times; last conflict: {conflict}",
            RequeueOn = ClusterEventKinds.InstanceRemoved | ClusterEventKinds.NodeAdded | ClusterEventKinds.NodeCapacityChanged,
        };
    }

    private ClassVerdict[] ClassVerdicts(SchedulingRequest request)
    {
        if (ReferenceEquals(request, _lastRequest))
        {
            return _lastVerdicts;
        }

        _cacheKey.Clear();
        for (var p = 0; p < _classFilters.Length; p++)
        {
            _cacheKey.Append(p).Append(':');
            _classFilters[p].AppendCacheKey(request, _cacheKey);
            _cacheKey.Append('|');
        }

        var key = _cacheKey.ToString();
        if (!_verdictCache.TryGetValue(key, out var verdicts))
        {
            verdicts = new ClassVerdict[State.Classes.Length];
            foreach (var nodeClass in State.Classes)
            {
                verdicts[nodeClass.Index] = new ClassVerdict(FilterStatus.Success, "");
                foreach (var filter in _classFilters)
                {
                    var status = filter.FilterClass(request, nodeClass);
                    if (!status.IsSuccess)
                    {
                        verdicts[nodeClass.Index] = new ClassVerdict(status, filter.Name);
                        break;
                    }
                }
            }

            if (_verdictCache.Count >= 4096)
            {
                _verdictCache.Clear();
            }

            _verdictCache[key] = verdicts;
        }

        _lastRequest = request;
        _lastVerdicts = verdicts;
        return verdicts;
    }
}
