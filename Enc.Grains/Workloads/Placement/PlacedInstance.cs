using Enc.Grains.Interfaces.Workloads;

namespace Enc.Grains.Workloads.Placement;

/// <summary>An instance assigned to a node, with the spec it runs.</summary>
/// <param name="NodeName">The node.</param>
/// <param name="Instance">The assignment (id, spec, version).</param>
public sealed record PlacedInstance(string NodeName, AssignedInstance Instance);
