using Enc.Grains.Interfaces.Consensus;

namespace Enc.Client.Consensus;

/// <summary>Consensus: status, committed blocks with certificates, and validator-set changes.</summary>
public sealed class ConsensusOperations
{
    private readonly IGrainFactory _grains;

    internal ConsensusOperations(IGrainFactory grains) => _grains = grains;

    private IConsensusRegistryGrain Registry => _grains.GetGrain<IConsensusRegistryGrain>(IConsensusRegistryGrain.DefaultKey);

    /// <summary>Height, round, validators and last certificate, from the most advanced validator that answers; null before consensus started.</summary>
    public async Task<ConsensusStatus?> GetStatusAsync(CancellationToken cancellationToken = default) =>
        await Registry.GetStatusAsync().WaitAsync(cancellationToken);

    /// <summary>The committed block at <paramref name="height"/> with its decisions and certificate, or null while undecided.</summary>
    public async Task<ConsensusBlockRecord?> GetBlockAsync(long height, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(height, 1);
        return await _grains.GetGrain<IConsensusRoundGrain>(height).GetBlockAsync().WaitAsync(cancellationToken);
    }

    /// <summary>Verifies a block's certificate offline (see <see cref="ConsensusCertificateVerifier"/>).</summary>
    public static CertificateVerification VerifyBlock(ConsensusBlockRecord record) => ConsensusCertificateVerifier.Verify(record);

    /// <summary>Submits adding <paramref name="nodeName"/> (its registered key) as a validator; weight 0 takes the node's configured weight.</summary>
    public Task<ValidatorChangeSubmission> AddValidatorAsync(string nodeName, long weight = 0, CancellationToken cancellationToken = default) =>
        ChangeAsync(ValidatorChangeKind.Add, nodeName, weight, cancellationToken);

    /// <summary>Submits removing validator <paramref name="nodeName"/>.</summary>
    public Task<ValidatorChangeSubmission> RemoveValidatorAsync(string nodeName, CancellationToken cancellationToken = default) =>
        ChangeAsync(ValidatorChangeKind.Remove, nodeName, 0, cancellationToken);

    /// <summary>Submits setting validator <paramref name="nodeName"/>'s weight to <paramref name="weight"/>.</summary>
    public Task<ValidatorChangeSubmission> SetValidatorWeightAsync(string nodeName, long weight, CancellationToken cancellationToken = default) =>
        ChangeAsync(ValidatorChangeKind.Weight, nodeName, weight, cancellationToken);

    private async Task<ValidatorChangeSubmission> ChangeAsync(ValidatorChangeKind kind, string nodeName, long weight, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(nodeName);
        return await Registry.RequestValidatorChangeAsync(new ValidatorChangeRequest { Kind = kind, NodeName = nodeName, Weight = weight }).WaitAsync(cancellationToken);
    }
}
