using Enc.Grains.Interfaces.Nodes;

namespace Enc.Grains.Nodes;

/// <summary>
/// The node registry's in-memory change log: a position per node, advanced on every change. It is not
/// persisted; a new log (a new registry activation) has a new <see cref="Epoch"/>, and a reader holding
/// another epoch gets the full node list, so nothing a reader missed can stay hidden.
/// </summary>
public sealed class NodeChangeLog
{
    private readonly Dictionary<string, long> _changedAt = new(StringComparer.Ordinal);

    /// <summary>This log's identity.</summary>
    public Guid Epoch { get; } = Guid.NewGuid();

    /// <summary>Position of the latest change.</summary>
    public long Sequence { get; private set; }

    /// <summary>Records a change of <paramref name="nodeName"/>.</summary>
    public void Record(string nodeName)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(nodeName);
        _changedAt[nodeName] = ++Sequence;
    }

    /// <summary>
    /// What changed after <paramref name="sequence"/> of <paramref name="epoch"/>; all of
    /// <paramref name="knownNodes"/> when the epoch is another log's or the position lies ahead of this log.
    /// </summary>
    public NodeChangeSet Since(Guid epoch, long sequence, IReadOnlyList<string> knownNodes)
    {
        ArgumentNullException.ThrowIfNull(knownNodes);
        if (epoch != Epoch || sequence > Sequence)
        {
            return new NodeChangeSet { Epoch = Epoch, Sequence = Sequence, Full = true, Names = knownNodes.Order(StringComparer.Ordinal).ToArray() };
        }

        var changed = _changedAt.Where(c => c.Value > sequence).Select(c => c.Key).Order(StringComparer.Ordinal).ToArray();
        return new NodeChangeSet { Epoch = Epoch, Sequence = Sequence, Full = false, Names = changed };
    }
}
