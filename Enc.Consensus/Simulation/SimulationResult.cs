namespace Enc.Consensus.Simulation;

/// <summary>Outcome of one scenario: the property violations found (none means it passed) and counters.</summary>
public sealed class SimulationResult(SimulationScenario scenario)
{
    /// <summary>The scenario that ran.</summary>
    public SimulationScenario Scenario { get; } = scenario;

    /// <summary>Violated properties, each naming the property and the evidence.</summary>
    public List<string> Violations { get; } = [];

    /// <summary>Lowest committed height among honest validators at the end.</summary>
    public long MinHonestHeight { get; set; }

    /// <summary>Evidence records produced by honest validators.</summary>
    public int EvidenceCount { get; set; }

    /// <summary>Messages rejected by honest validators for invalid signatures or certificates.</summary>
    public int ForgeriesRejected { get; set; }

    /// <summary>Simulated time at the end, in ms.</summary>
    public long EndTimeMs { get; set; }

    /// <summary>Messages sent.</summary>
    public long MessagesSent { get; set; }

    /// <summary>True when no property was violated.</summary>
    public bool Passed => Violations.Count == 0;

    /// <inheritdoc />
    public override string ToString() =>
        $"{Scenario} => {(Passed ? "PASS" : "FAIL")} minHeight={MinHonestHeight} evidence={EvidenceCount} " +
        $"forgeriesRejected={ForgeriesRejected} t={EndTimeMs}ms msgs={MessagesSent}" +
        (Passed ? string.Empty : Environment.NewLine + "  " + string.Join(Environment.NewLine + "  ", Violations));
}
