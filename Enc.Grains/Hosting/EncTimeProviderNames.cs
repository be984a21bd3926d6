namespace Enc.Grains.Hosting;

/// <summary>
/// Keys of the <see cref="TimeProvider"/> instances ENC subsystems resolve from keyed dependency
/// injection, so tests can drive each subsystem's clock exactly.
/// </summary>
public static class EncTimeProviderNames
{
    /// <summary>The clock of node registration, heartbeats and health monitoring.</summary>
    public const string Nodes = "enc-nodes";

    /// <summary>The clock of consensus round timers.</summary>
    public const string Consensus = "enc-consensus";
}
