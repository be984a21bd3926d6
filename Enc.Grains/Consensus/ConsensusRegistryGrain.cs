using Enc.Consensus.Crypto;
using Enc.Consensus.Validators;
using Enc.Grains.Consensus.Options;
using Enc.Grains.Consensus.Pool;
using Enc.Grains.Interfaces.Consensus;
using Enc.Grains.Interfaces.Hosting;
using Microsoft.Extensions.Options;

namespace Enc.Grains.Consensus;

/// <summary>
/// Node keys (verified proofs of possession), the genesis set (fixed when
/// <see cref="EncConsensusOptions.GenesisValidators"/> nodes with weight &gt; 0 registered), and the
/// submission entry point that fills every validator's pool.
/// </summary>
public sealed class ConsensusRegistryGrain(
    [PersistentState("consensus-registry", EncProviderNames.GrainStorage)] IPersistentState<ConsensusRegistryState> state,
    IOptions<EncConsensusOptions> options)
    : Grain, IConsensusRegistryGrain
{
    private static readonly TimeSpan StatusTimeout = TimeSpan.FromSeconds(3);

    async Task<ConsensusGenesis?> IConsensusRegistryGrain.RegisterValidatorAsync(ValidatorRegistration registration)
    {
        ArgumentNullException.ThrowIfNull(registration);
        ArgumentException.ThrowIfNullOrWhiteSpace(registration.NodeName);
        var registrations = state.State.Registrations;
        if (registrations.TryGetValue(registration.NodeName, out var known))
        {
            if (!known.PublicKey.AsSpan().SequenceEqual(registration.PublicKey))
            {
                throw new ArgumentException($"publicKey: node {registration.NodeName} already registered another consensus key.", nameof(registration));
            }
        }
        else
        {
            if (registration.Weight < 0 || !BlsConsensusVerifier.Instance.VerifyProofOfPossession(new ValidatorKey(registration.PublicKey), registration.ProofOfPossession))
            {
                throw new ArgumentException($"proofOfPossession: the proof for node {registration.NodeName}'s key does not verify (or weight is negative).", nameof(registration));
            }

            registrations[registration.NodeName] = registration;
            TrySealGenesis();
            await state.WriteStateAsync();
        }

        return state.State.Genesis;
    }

    Task<ConsensusGenesis?> IConsensusRegistryGrain.GetGenesisAsync() => Task.FromResult(state.State.Genesis);

    Task<IReadOnlyList<ValidatorRegistration>> IConsensusRegistryGrain.ListRegistrationsAsync() =>
        Task.FromResult<IReadOnlyList<ValidatorRegistration>>(state.State.Registrations.Values.OrderBy(r => r.NodeName, StringComparer.Ordinal).ToList());

    Task IConsensusRegistryGrain.SubmitAsync(IReadOnlyList<ConsensusDecisionData> decisions) => FanOutAsync(decisions);

    async Task<ValidatorChangeSubmission> IConsensusRegistryGrain.RequestValidatorChangeAsync(ValidatorChangeRequest request)
    {
        var status = await StatusAsync() ?? throw new InvalidOperationException("No validator is running: consensus has not started (genesis not fixed or every validator down).");
        var registration = ValidatorChangeRules.Registration(request, state.State.Registrations);
        var (change, accepted) = ValidatorChangeRules.Build(request, registration, status.ScheduledValidators);
        var decision = change.ToDecision();
        await FanOutAsync([new ConsensusDecisionData { Type = decision.Type, Payload = decision.Payload.ToArray() }]);
        return new ValidatorChangeSubmission
        {
            Request = accepted,
            PublicKey = Convert.ToHexStringLower(registration.PublicKey),
            DecisionHash = ConsensusDecisionKeys.HashOf(decision).ToString(),
            SubmittedAtHeight = status.Height,
        };
    }

    Task<ConsensusStatus?> IConsensusRegistryGrain.GetStatusAsync() => StatusAsync();

    private void TrySealGenesis()
    {
        var voting = state.State.Registrations.Values.Where(r => r.Weight > 0).ToList();
        if (state.State.Genesis is not null || voting.Count < options.Value.GenesisValidators)
        {
            return;
        }

        state.State.Genesis = new ConsensusGenesis
        {
            Validators = voting
                .Select(r => new ValidatorInfo { NodeName = r.NodeName, PublicKey = Convert.ToHexStringLower(r.PublicKey), Weight = r.Weight })
                .OrderBy(v => ValidatorKey.FromHex(v.PublicKey))
                .ToList(),
            SealedAt = DateTimeOffset.UtcNow,
        };
    }

    private async Task FanOutAsync(IReadOnlyList<ConsensusDecisionData> decisions)
    {
        var calls = state.State.Registrations.Keys.Select(async node =>
        {
            try
            {
                await GrainFactory.GetGrain<IValidatorGrain>(node).SubmitAsync(decisions);
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                // A validator that cannot take the submission now (its silo is down) catches up from blocks.
            }
        });
        await Task.WhenAll(calls);
    }

    /// <summary>The status of the most advanced validator that answers within <see cref="StatusTimeout"/>.</summary>
    private async Task<ConsensusStatus?> StatusAsync()
    {
        var calls = state.State.Registrations.Keys.Select(async node =>
        {
            try
            {
                return await GrainFactory.GetGrain<IValidatorGrain>(node).GetStatusAsync().WaitAsync(StatusTimeout);
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                return null;
            }
        });
        var statuses = await Task.WhenAll(calls);
        return statuses.OfType<ConsensusStatus>().OrderByDescending(s => s.Height).ThenBy(s => s.ReportedBy, StringComparer.Ordinal).FirstOrDefault();
    }
}
