namespace Enc.Scheduling.State;

/// <summary>
/// A per-cycle memo of a score that depends only on the node class: computed for the first candidate
/// of each class, read for the rest. Cleared in O(1) by bumping a stamp.
/// </summary>
public sealed class NodeClassScoreCache
{
    private int[] _scores = [];
    private int[] _stamps = [];
    private int _stamp;

    /// <summary>Forgets every memoized score (call in PreScore).</summary>
    public void Reset(int classCount)
    {
        if (_stamps.Length != classCount || _stamp == int.MaxValue)
        {
            _scores = new int[classCount];
            _stamps = new int[classCount];
            _stamp = 0;
        }

        _stamp++;
    }

    /// <summary>The score of <paramref name="nodeClass"/>, computing it with <paramref name="compute"/> on first use in this cycle.</summary>
    public int GetOrCompute<TState>(NodeClass nodeClass, TState state, Func<TState, NodeClass, int> compute)
    {
        var index = nodeClass.Index;
        if (_stamps[index] != _stamp)
        {
            _stamps[index] = _stamp;
            _scores[index] = compute(state, nodeClass);
        }

        return _scores[index];
    }
}
