namespace Enc.Scheduling.Model;

/// <summary>How a toleration compares its value with a taint's.</summary>
public enum TolerationOperator
{
    /// <summary>Invalid sentinel.</summary>
    Unknown = 0,

    /// <summary>Key and value must be equal.</summary>
    Equal = 1,

    /// <summary>Any value of the key (or, with an empty key, any taint) is tolerated.</summary>
    Exists = 2,
}
