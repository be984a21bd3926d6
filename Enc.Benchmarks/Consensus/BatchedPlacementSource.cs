using Enc.Consensus.Blocks;
using Enc.Consensus.Engine;
using Enc.Consensus.Simulation;

namespace Enc.Benchmarks.Consensus;

/// <summary>A proposer queue that always holds <c>batch</c> fresh placement decisions per height (generated once per height).</summary>
internal sealed class BatchedPlacementSource(int batch) : IDecisionSource
{
    private readonly Dictionary<long, IReadOnlyList<Decision>> _byHeight = [];
    private readonly Lock _lock = new();

    public IReadOnlyList<Decision> PendingDecisions(long height, CommittedBlock? parent, int maxCount)
    {
        lock (_lock)
        {
            if (!_byHeight.TryGetValue(height, out var decisions))
            {
                decisions = Enumerable.Range(0, batch)
                    .Select(i => StandInPlacementScheduler.Decision($"workload-{height}-{i}", $"node-{i % 5000}"))
                    .ToArray();
                _byHeight[height] = decisions;
            }

            return decisions.Take(maxCount).ToArray();
        }
    }
}
