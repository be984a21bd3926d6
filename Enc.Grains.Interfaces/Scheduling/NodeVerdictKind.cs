namespace Enc.Grains.Interfaces.Scheduling;

/// <summary>How a node fared in one scheduling decision.</summary>
[GenerateSerializer]
[Alias("Enc.Scheduling.NodeVerdictKind")]
public enum NodeVerdictKind
{
    /// <summary>Not set; never a real verdict.</summary>
    Invalid = 0,

    /// <summary>A filter rejected the node.</summary>
    Rejected = 1,

    /// <summary>Feasible and scored.</summary>
    Scored = 2,

    /// <summary>Feasible, but beyond the scored sample.</summary>
    NotSampled = 3,

    /// <summary>The chosen node.</summary>
    Selected = 4,
}
