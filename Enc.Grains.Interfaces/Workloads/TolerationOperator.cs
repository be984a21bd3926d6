namespace Enc.Grains.Interfaces.Workloads;

/// <summary>How a toleration matches a taint's value (Kubernetes semantics).</summary>
[GenerateSerializer]
[Alias("Enc.Workloads.TolerationOperator")]
public enum TolerationOperator
{
    /// <summary>Not set; never valid in a submitted spec.</summary>
    Invalid = 0,

    /// <summary>The taint's key and value must equal the toleration's (the default).</summary>
    Equal = 1,

    /// <summary>Any taint with the key matches (or any taint at all when the key is empty); the value must be empty.</summary>
    Exists = 2,
}
