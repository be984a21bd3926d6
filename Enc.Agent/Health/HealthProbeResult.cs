namespace Enc.Agent.Health;

/// <summary>Outcome of one health probe.</summary>
/// <param name="IsHealthy">True when the probe passed.</param>
/// <param name="Detail">Why it failed (empty when healthy).</param>
public sealed record HealthProbeResult(bool IsHealthy, string Detail)
{
    /// <summary>A passed probe.</summary>
    public static HealthProbeResult Healthy { get; } = new(true, "");

    /// <summary>A failed probe with its reason.</summary>
    public static HealthProbeResult Unhealthy(string detail) => new(false, detail);
}
