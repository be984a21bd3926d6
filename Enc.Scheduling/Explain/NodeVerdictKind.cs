namespace Enc.Scheduling.Explain;

/// <summary>How a node fared in a cycle.</summary>
public enum NodeVerdictKind
{
    /// <summary>Invalid sentinel.</summary>
    Unknown = 0,

    /// <summary>A filter rejected the node.</summary>
    Rejected = 1,

    /// <summary>Feasible and scored (it was among the sampled candidates).</summary>
    Scored = 2,

    /// <summary>Feasible, but the scan had found enough candidates before reaching it, so it was not scored.</summary>
    NotSampled = 3,

    /// <summary>The chosen node.</summary>
    Selected = 4,
}
