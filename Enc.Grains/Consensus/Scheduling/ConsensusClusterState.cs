using Enc.Consensus.Blocks;
using Enc.Scheduling.Model;

namespace Enc.Grains.Consensus.Scheduling;

/// <summary>
/// The cluster state ConsensusDriven scheduling runs over, derived only from committed blocks:
/// the last committed inventory of each node plus the placements committed after it. Every
/// validator folds the same chain into the same state, so the scheduler's output is a function of
/// the chain alone.
/// </summary>
public sealed class ConsensusClusterState
{
    private readonly SortedDictionary<string, NodeInfo> _nodes = new(StringComparer.Ordinal);
    private readonly HashSet<string> _placedInstances = new(StringComparer.Ordinal);

    /// <summary>Height of the last block applied (0: none).</summary>
    public long Height { get; private set; }

    /// <summary>Nodes known from inventory decisions, by name.</summary>
    public IReadOnlyDictionary<string, NodeInfo> Nodes => _nodes;

    /// <summary>True when <paramref name="instanceId"/> was placed by a committed block.</summary>
    public bool IsPlaced(string instanceId) => _placedInstances.Contains(instanceId);

    /// <summary>Applies the next committed block.</summary>
    /// <exception cref="InvalidOperationException">The block is not the next height.</exception>
    public void Apply(ConsensusBlock block)
    {
        if (block.Height != Height + 1)
        {
            throw new InvalidOperationException($"State is at height {Height}; block {block.Height} does not follow.");
        }

        foreach (var decision in block.Decisions)
        {
            switch (decision.Type)
            {
                case NodeInventoryDecision.Type:
                    var node = NodeInventoryDecision.FromDecision(decision).Node;
                    _nodes[node.Id] = node;
                    break;
                case DecisionTypes.Placement:
                    var placement = PlacementDecision.FromDecision(decision);
                    _placedInstances.Add(placement.Request.InstanceId);
                    if (_nodes.TryGetValue(placement.Node, out var target))
                    {
                        _nodes[placement.Node] = target with { Allocated = target.Allocated + placement.Request.Resources };
                    }

                    break;
            }
        }

        Height = block.Height;
    }

    /// <summary>The scheduler's snapshot of this state (nodes in ordinal name order).</summary>
    public ClusterSnapshot ToSnapshot() => new() { Nodes = _nodes.Values.ToList() };
}
