using Enc.Consensus.Blocks;
using Enc.Consensus.Crypto;
using Enc.Consensus.Engine;
using Enc.Consensus.Messages;
using Enc.Consensus.Validators;
using Enc.Grains.Consensus.Pool;
using Enc.Grains.Consensus.Scheduling;

namespace Enc.Grains.Consensus;

/// <summary>
/// One node's validator without Orleans: its QBFT engine, its pending-decision pool (the engine's
/// <see cref="IDecisionSource"/>), the chain-derived scheduling state that ConsensusDriven placements
/// are planned and replayed over (<see cref="SchedulerReplayValidator"/>), and counters for status.
/// The validator grain only feeds it messages and time and carries out its outputs.
/// </summary>
public sealed class ValidatorNode : IDecisionSource
{
    /// <summary>Pending entries examined when the engine only asks whether anything is pending.</summary>
    private const int MinimumScan = 64;

    private readonly PendingDecisionPool _pool = new();
    private readonly ConsensusClusterState _state = new();
    private readonly Dictionary<string, long> _rejections = new(StringComparer.Ordinal);
    private readonly SchedulerReplayValidator _validator;
    private PlannedBatch? _batch;

    /// <summary>Creates the validator positioned after <paramref name="committed"/>.</summary>
    public ValidatorNode(IConsensusSigner signer, IConsensusVerifier verifier, ValidatorSet genesis, QbftOptions options, IEnumerable<CommittedBlock> committed)
    {
        var chain = committed.ToList();
        _validator = new SchedulerReplayValidator(StateAt, (parent, placements) => _batch?.Planned(parent, placements) == true);
        Engine = new QbftEngine(options, signer, verifier, genesis, this, _validator, chain);
        foreach (var block in chain)
        {
            _pool.OnCommitted(block.Block);
        }
    }

    /// <summary>The engine.</summary>
    public QbftEngine Engine { get; }

    /// <summary>Decisions waiting in the pool.</summary>
    public int PendingCount => _pool.Count;

    /// <summary>Dropped incoming messages by reason.</summary>
    public IReadOnlyDictionary<string, long> Rejections => _rejections;

    /// <summary>Equivocations detected.</summary>
    public long EvidenceCount { get; private set; }

    /// <summary>Scheduler runs that planned a batch of pending placement requests for a block this validator proposes.</summary>
    public long PlacementPlans { get; private set; }

    /// <summary>Scheduler runs that only checked whether some pending request fits (stopping at the first that does).</summary>
    public long PlacementChecks { get; private set; }

    /// <summary>Scheduler replays of proposed blocks this validator did not plan itself.</summary>
    public long PlacementReplays => _validator.Replays;

    /// <summary>Starts the engine.</summary>
    public EngineOutput Start(DateTimeOffset now) => Observe(Engine.Start(now));

    /// <summary>Delivers one message.</summary>
    public EngineOutput Handle(ConsensusMessage message, DateTimeOffset now) => Observe(Engine.Handle(message, now));

    /// <summary>Advances time.</summary>
    public EngineOutput Tick(DateTimeOffset now) => Observe(Engine.Tick(now));

    /// <summary>Adds decisions to the pool and wakes an idle height.</summary>
    public EngineOutput Submit(IEnumerable<Decision> decisions, DateTimeOffset now)
    {
        _pool.Add(decisions);
        return Observe(Engine.Wake(now));
    }

    /// <summary>True when <paramref name="node"/> equals the inventory the chain holds for it.</summary>
    public bool HasCommittedInventory(Enc.Scheduling.Model.NodeInfo node)
    {
        var state = StateAt(Engine.Chain.Count == 0 ? null : Engine.Chain[^1]);
        return state.Nodes.TryGetValue(node.Id, out var known) && SameInventory(known, node);
    }

    /// <summary>The chain-derived scheduling state after <paramref name="parent"/> (which must be the engine's tip or an ancestor being caught up to).</summary>
    public ConsensusClusterState StateAt(CommittedBlock? parent)
    {
        var target = parent?.Block.Height ?? 0;
        var chain = Engine.Chain;
        while (_state.Height < target)
        {
            var next = chain[(int)_state.Height].Block;
            _state.Apply(next);
            _pool.OnCommitted(next);
        }

        return _state.Height == target
            ? _state
            : throw new InvalidOperationException($"Scheduling state is at height {_state.Height}, past the requested parent {target}.");
    }

    /// <inheritdoc />
    /// <remarks>
    /// Validator-set changes that would be invalid are dropped from the pool; node inventories that
    /// equal the committed one are dropped; placement requests are planned by the scheduler over the
    /// parent state and the ones that fit nowhere stay pending (they are not offered, so an idle
    /// height stays idle). Order in the block: changes and inventories first, placements last. The
    /// batch is kept (<see cref="PlannedBatch"/>): asked again over the same parent with the pool
    /// unchanged, it is returned without planning again.
    /// </remarks>
    public IReadOnlyList<Decision> PendingDecisions(long height, CommittedBlock? parent, int maxCount)
    {
        var state = StateAt(parent);
        if (_pool.Count == 0 || maxCount <= 0)
        {
            return [];
        }

        if (_batch is { } batch && batch.Answers(parent, _pool.Version, maxCount))
        {
            return batch.Offered;
        }

        var result = new List<Decision>();
        var requests = new List<PlacementRequestDecision>();
        Scan(state, Math.Max(maxCount, MinimumScan), requests, result, stopAtFirstOffer: false);
        var placements = new List<Decision>();
        if (requests.Count > 0)
        {
            PlacementPlans++;
            placements.AddRange(ConsensusPlacementPlanner.Plan(state, requests).Select(p => p.ToDecision()));
        }

        result.AddRange(placements);
        var offered = result.Count <= maxCount ? result : result.GetRange(0, maxCount);
        _batch = new PlannedBatch(parent, _pool.Version, maxCount, offered, placements);
        return offered;
    }

    /// <inheritdoc />
    /// <remarks>
    /// Answers from the kept batch when it is current; otherwise examines the first pending entries as
    /// <see cref="PendingDecisions"/> would and stops at the first decision it would offer: a change or an
    /// inventory at once, placement requests with <see cref="ConsensusPlacementPlanner.AnyPlaceable"/> (scheduled
    /// only until one fits). The batch itself is planned once, by the proposer, when it builds the block.
    /// </remarks>
    public bool HasPendingDecisions(long height, CommittedBlock? parent)
    {
        var state = StateAt(parent);
        if (_pool.Count == 0)
        {
            return false;
        }

        if (_batch is { } batch && batch.IsCurrent(parent, _pool.Version))
        {
            return batch.Offered.Count > 0;
        }

        var requests = new List<PlacementRequestDecision>();
        if (Scan(state, MinimumScan, requests, offered: null, stopAtFirstOffer: true))
        {
            return true;
        }

        if (requests.Count == 0)
        {
            return false;
        }

        PlacementChecks++;
        return ConsensusPlacementPlanner.AnyPlaceable(state, requests);
    }

    /// <summary>
    /// Examines up to <paramref name="count"/> pending entries in arrival order, dropping those that can never be
    /// valid, collecting placement requests and adding every other admitted decision to <paramref name="offered"/>.
    /// With <paramref name="stopAtFirstOffer"/>, returns true at the first such decision.
    /// </summary>
    private bool Scan(ConsensusClusterState state, int count, List<PlacementRequestDecision> requests, List<Decision>? offered, bool stopAtFirstOffer)
    {
        var changes = new List<Decision>();
        foreach (var decision in _pool.Snapshot(count))
        {
            if (!Admit(decision, state, changes, requests))
            {
                _pool.Drop(decision);
            }
            else if (decision.Type != PlacementRequestDecision.Type)
            {
                if (stopAtFirstOffer)
                {
                    return true;
                }

                offered?.Add(decision);
            }
        }

        return false;
    }

    private bool Admit(Decision decision, ConsensusClusterState state, List<Decision> changes, List<PlacementRequestDecision> requests)
    {
        try
        {
            switch (decision.Type)
            {
                case DecisionTypes.ValidatorSetChange:
                    changes.Add(decision);
                    if (Engine.Validators.ValidateChanges(changes) is null)
                    {
                        return true;
                    }

                    changes.RemoveAt(changes.Count - 1);
                    return false;
                case NodeInventoryDecision.Type:
                    var node = NodeInventoryDecision.FromDecision(decision).Node;
                    return !state.Nodes.TryGetValue(node.Id, out var known) || !SameInventory(known, node);
                case PlacementRequestDecision.Type:
                    var request = PlacementRequestDecision.Decode(decision.Payload);
                    if (state.IsPlaced(request.InstanceId))
                    {
                        return false;
                    }

                    requests.Add(request);
                    return true;
                default:
                    return false;
            }
        }
        catch (FormatException)
        {
            return false;
        }
    }

    /// <summary>True when two inventories carry the same scheduling facts (taint times aside).</summary>
    public static bool SameInventory(Enc.Scheduling.Model.NodeInfo a, Enc.Scheduling.Model.NodeInfo b) =>
        a.Status == b.Status && a.Capacity == b.Capacity && a.Allocated == b.Allocated && a.Zone == b.Zone && a.Region == b.Region
        && a.Labels.Count == b.Labels.Count && a.Labels.All(l => b.Labels.TryGetValue(l.Key, out var v) && v == l.Value)
        && a.Taints.Count == b.Taints.Count && a.Taints.All(t => b.Taints.Any(u => u.Key == t.Key && u.Value == t.Value && u.Effect == t.Effect));

    private EngineOutput Observe(EngineOutput output)
    {
        foreach (var committed in output.Committed)
        {
            _pool.OnCommitted(committed.Block);
        }

        foreach (var rejection in output.Rejections)
        {
            _rejections[rejection.Reason] = _rejections.GetValueOrDefault(rejection.Reason) + 1;
        }

        EvidenceCount += output.Evidence.Count;
        return output;
    }
}
