namespace Enc.Grains.Interfaces.Consensus;

/// <summary>A requested validator-set change. 0 is reserved as invalid.</summary>
public enum ValidatorChangeKind
{
    /// <summary>Invalid sentinel.</summary>
    Invalid = 0,

    /// <summary>Add a registered node as a validator.</summary>
    Add = 1,

    /// <summary>Remove a validator.</summary>
    Remove = 2,

    /// <summary>Change a validator's weight.</summary>
    Weight = 3,
}
