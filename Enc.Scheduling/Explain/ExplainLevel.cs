namespace Enc.Scheduling.Explain;

/// <summary>How much a decision records.</summary>
public enum ExplainLevel
{
    /// <summary>Chosen node, its per-plugin scores, counts; rejection reasons aggregated per node class only when Pending. Cheap.</summary>
    Summary = 0,

    /// <summary>Also a verdict for every node: the rejecting filter and reason, or its per-plugin scores. Costs a full extra scan.</summary>
    Nodes = 1,
}
