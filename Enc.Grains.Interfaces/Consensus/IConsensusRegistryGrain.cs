using Orleans.Concurrency;

namespace Enc.Grains.Interfaces.Consensus;

/// <summary>
/// The cluster's consensus directory (one activation, key <see cref="DefaultKey"/>): node keys with
/// proofs of possession, the genesis validator set, and the entry point that hands submitted decisions to every validator's pool.
/// </summary>
[Alias("Enc.Consensus.IConsensusRegistryGrain")]
public interface IConsensusRegistryGrain : IGrainWithIntegerKey
{
    /// <summary>The key of the registry grain.</summary>
    const long DefaultKey = 0;

    /// <summary>Registers (or confirms) a node's key after checking its proof of possession; returns the genesis set once fixed.</summary>
    /// <exception cref="ArgumentException">The proof does not verify, or the node re-registers with another key.</exception>
    [Alias("RegisterValidator")]
    Task<ConsensusGenesis?> RegisterValidatorAsync(ValidatorRegistration registration);

    /// <summary>The genesis set, or null while too few validators registered.</summary>
    [Alias("GetGenesis")]
    [ReadOnly]
    Task<ConsensusGenesis?> GetGenesisAsync();

    /// <summary>Every registered node key, sorted by node name.</summary>
    [Alias("ListRegistrations")]
    [ReadOnly]
    Task<IReadOnlyList<ValidatorRegistration>> ListRegistrationsAsync();

    /// <summary>Hands decisions to the pending pool of every registered validator.</summary>
    [Alias("Submit")]
    Task SubmitAsync(IReadOnlyList<ConsensusDecisionData> decisions);

    /// <summary>Builds the validator-set-change decision for a request, checks it against the current set and submits it.</summary>
    /// <exception cref="ArgumentException">The request is invalid; the message names the field.</exception>
    [Alias("RequestValidatorChange")]
    Task<ValidatorChangeSubmission> RequestValidatorChangeAsync(ValidatorChangeRequest request);

    /// <summary>A validator's status, preferring validators of the current set that answer.</summary>
    [Alias("GetStatus")]
    Task<ConsensusStatus?> GetStatusAsync();
}
