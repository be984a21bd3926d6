namespace Enc.Scheduling.Explain;

/// <summary>How many nodes of one class one plugin rejected for one reason.</summary>
/// <param name="NodeClass">Readable node class (zone, labels, taints, status).</param>
/// <param name="Plugin">Rejecting plugin.</param>
/// <param name="Reason">Reason constant.</param>
/// <param name="Nodes">Number of nodes.</param>
public sealed record RejectionCount(string NodeClass, string Plugin, string Reason, int Nodes);
