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

    /// <summary>Creates the validator positioned after <paramref name="committed"/>.</summary>
    public ValidatorNode(IConsensusSigner signer, IConsensusVerifier verifier, ValidatorSet genesis, QbftOptions options, IEnumerable<CommittedBlock> committed)
    {
        var chain = committed.ToList();
        Engine = new QbftEngine(options, signer, verifier, genesis, this, new SchedulerReplayValidator(StateAt), chain);
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
    /// height stays idle). Order in the block: changes and inventories first, placements last.
    /// </remarks>
    public IReadOnlyList<Decision> PendingDecisions(long height, CommittedBlock? parent, int maxCount)
    {
        var state = StateAt(parent);
        if (_pool.Count == 0 || maxCount <= 0)
        {
            return [];
        }

        var result = new List<Decision>();
        var changes = new List<Decision>();
        var requests = new List<PlacementRequestDecision>();
        foreach (var decision in _pool.Snapshot(Math.Max(maxCount, MinimumScan)))
        {
            if (!Admit(decision, state, changes, requests))
            {
                _pool.Drop(decision);
            }
            else if (decision.Type != PlacementRequestDecision.Type)
            {
                result.Add(decision);
            }
        }

        var placements = ConsensusPlacementPlanner.Plan(state, requests);
        result.AddRange(placements.Select(p => p.ToDecision()));
        return result.Count <= maxCount ? result : result.GetRange(0, maxCount);
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
