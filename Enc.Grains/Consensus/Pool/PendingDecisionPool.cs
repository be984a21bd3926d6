using Enc.Consensus.Blocks;

namespace Enc.Grains.Consensus.Pool;

/// <summary>
/// A validator's pending decisions in arrival order (its mempool), keyed by
/// <see cref="ConsensusDecisionKeys.KeyOf"/>. Committed blocks retire their decisions' keys; keys
/// committed in the last <see cref="RememberedHeights"/> heights are refused when submitted again,
/// so a late duplicate is not ordered twice.
/// </summary>
public sealed class PendingDecisionPool
{
    /// <summary>Heights whose committed keys are remembered.</summary>
    public const int RememberedHeights = 256;

    private readonly Dictionary<string, Decision> _live = new(StringComparer.Ordinal);
    private readonly Queue<string> _order = new();
    private readonly HashSet<string> _committed = new(StringComparer.Ordinal);
    private readonly Queue<List<string>> _committedByHeight = new();
    private long _appliedHeight;

    /// <summary>Decisions waiting.</summary>
    public int Count => _live.Count;

    /// <summary>The highest committed height applied.</summary>
    public long AppliedHeight => _appliedHeight;

    /// <summary>Changes with every decision added, retired or dropped (a batch planned at one version holds until the next).</summary>
    public long Version { get; private set; }

    /// <summary>Adds decisions not already pending or recently committed; returns how many were new.</summary>
    public int Add(IEnumerable<Decision> decisions)
    {
        var added = 0;
        foreach (var decision in decisions)
        {
            var key = ConsensusDecisionKeys.KeyOf(decision);
            if (_committed.Contains(key) || !_live.TryAdd(key, decision))
            {
                continue;
            }

            _order.Enqueue(key);
            added++;
        }

        Version += added == 0 ? 0 : 1;
        return added;
    }

    /// <summary>Retires the decisions of a committed block (idempotent per height).</summary>
    public void OnCommitted(ConsensusBlock block)
    {
        if (block.Height <= _appliedHeight)
        {
            return;
        }

        _appliedHeight = block.Height;
        Version++;
        var keys = new List<string>(block.Decisions.Count);
        foreach (var decision in block.Decisions)
        {
            var key = ConsensusDecisionKeys.KeyOf(decision);
            _live.Remove(key);
            if (_committed.Add(key))
            {
                keys.Add(key);
            }
        }

        _committedByHeight.Enqueue(keys);
        while (_committedByHeight.Count > RememberedHeights)
        {
            foreach (var old in _committedByHeight.Dequeue())
            {
                _committed.Remove(old);
            }
        }
    }

    /// <summary>Drops a decision that can never be valid.</summary>
    public void Drop(Decision decision)
    {
        if (_live.Remove(ConsensusDecisionKeys.KeyOf(decision)))
        {
            Version++;
        }
    }

    /// <summary>Up to <paramref name="maxCount"/> pending decisions in arrival order.</summary>
    public List<Decision> Snapshot(int maxCount)
    {
        if (_order.Count > (2 * _live.Count) + 64)
        {
            // Retired keys accumulate at the front; rebuild once they dominate (amortized O(1) per key).
            var live = _order.Where(k => _live.ContainsKey(k)).Distinct(StringComparer.Ordinal).ToList();
            _order.Clear();
            foreach (var key in live)
            {
                _order.Enqueue(key);
            }
        }

        var result = new List<Decision>(Math.Min(maxCount, _live.Count));
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var key in _order)
        {
            if (result.Count >= maxCount)
            {
                break;
            }

            if (_live.TryGetValue(key, out var decision) && seen.Add(key))
            {
                result.Add(decision);
            }
        }

        return result;
    }
}
