namespace Enc.Scheduling.Model;

/// <summary>Spread a workload's instances across zones so counts differ by at most <see cref="MaxSkew"/>.</summary>
/// <remarks>
/// Eligible zones are the zones with at least one node that passes the request's node-class filters
/// (status, selector, node affinity, taints); nodes without a zone are not eligible.
/// </remarks>
public sealed record ZoneSpreadConstraint
{
    /// <summary>Maximum allowed difference between the most and least loaded eligible zone (≥ 1).</summary>
    public required int MaxSkew { get; init; }
}
