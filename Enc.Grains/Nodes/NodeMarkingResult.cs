namespace Enc.Grains.Nodes;

/// <summary>What <see cref="NodeMarkings.Apply"/> changed.</summary>
/// <param name="LabelsChanged">Operator labels changed.</param>
/// <param name="TaintsChanged">Taints changed.</param>
/// <param name="NoExecuteAdded">A NoExecute taint was added (or its value changed): running instances must be checked.</param>
/// <param name="HasNoExecute">The node carries at least one NoExecute taint after the change.</param>
public sealed record NodeMarkingResult(bool LabelsChanged, bool TaintsChanged, bool NoExecuteAdded, bool HasNoExecute)
{
    /// <summary>True when anything changed.</summary>
    public bool Changed => LabelsChanged || TaintsChanged;
}
