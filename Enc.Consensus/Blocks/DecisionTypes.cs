namespace Enc.Consensus.Blocks;

/// <summary>Names of the decision types ENC commits through consensus.</summary>
public static class DecisionTypes
{
    /// <summary>A workload placement computed by the deterministic scheduler (payload owned by Enc.Scheduling).</summary>
    public const string Placement = "enc.placement";

    /// <summary>A validator-set change (payload: <see cref="Validators.ValidatorSetChange"/>).</summary>
    public const string ValidatorSetChange = "enc.validator-set-change";
}
