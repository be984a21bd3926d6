using Enc.Consensus.Crypto;
using Enc.Consensus.Engine;
using Enc.Consensus.Primitives;

namespace Enc.Consensus.Simulation;

/// <summary>
/// The properties every scenario must satisfy: safety (one block per height among honest
/// validators), one common sequence, valid certificates, no infeasible placement committed,
/// liveness after healing, and sound, complete evidence.
/// </summary>
public static class SimulationPropertyChecker
{
    /// <summary>Checks <paramref name="endpoints"/> after a run and records violations in <paramref name="result"/>.</summary>
    public static void Check(SimulationScenario scenario, IReadOnlyList<SimulatedEndpoint> endpoints, IConsensusVerifier verifier, SimulationResult result)
    {
        var honest = endpoints.Where(e => e.Fault == FaultKind.Honest).ToList();
        var byHeight = new Dictionary<long, Hash256>();
        var placementRules = new StandInPlacementValidator();
        foreach (var endpoint in honest)
        {
            var chain = endpoint.Chain;
            for (var i = 0; i < chain.Count; i++)
            {
                var committed = chain[i];
                var height = committed.Block.Height;

                // Safety and common sequence: one hash per height across all honest validators.
                if (byHeight.TryGetValue(height, out var hash) && hash != committed.Block.Hash)
                {
                    result.Violations.Add($"SAFETY: validator {endpoint.Validator} committed {committed.Block.Hash} at height {height}, another honest validator committed {hash}");
                }

                byHeight.TryAdd(height, committed.Block.Hash);
                var certificateError = committed.Certificate.Verify(endpoint.Engine!.Validators.SetFor(height), verifier);
                if (certificateError is not null)
                {
                    result.Violations.Add($"CERTIFICATE: validator {endpoint.Validator} height {height}: {certificateError}");
                }

                var verdict = placementRules.Validate(committed.Block, i == 0 ? null : chain[i - 1]);
                if (!verdict.IsValid)
                {
                    result.Violations.Add($"VALIDITY: height {height} committed an infeasible placement: {verdict.Reason}");
                }
            }

            // Liveness: at most f faulty weight and a healed network must let everyone progress.
            if (chain.Count < scenario.TargetHeight)
            {
                result.Violations.Add($"LIVENESS: validator {endpoint.Validator} reached height {chain.Count} of {scenario.TargetHeight} by t={result.EndTimeMs}ms (round {endpoint.Engine!.Round})");
            }

            CheckEvidence(endpoint, endpoints, verifier, result);
            result.ForgeriesRejected += endpoint.Rejections.Count(r => r.Reason is RejectionReasons.InvalidSignature or RejectionReasons.InvalidCertificate);
        }

        result.MinHonestHeight = honest.Count == 0 ? 0 : honest.Min(e => e.Chain.Count);
    }

    private static void CheckEvidence(SimulatedEndpoint endpoint, IReadOnlyList<SimulatedEndpoint> endpoints, IConsensusVerifier verifier, SimulationResult result)
    {
        foreach (var evidence in endpoint.Evidence)
        {
            result.EvidenceCount++;
            var offender = endpoints.First(e => e.Signer.PublicKey.Equals(evidence.Offender));
            if (offender.Fault == FaultKind.Honest)
            {
                result.Violations.Add($"EVIDENCE: validator {endpoint.Validator} accused honest validator {offender.Validator}: {evidence.First} vs {evidence.Second}");
            }

            var error = evidence.Verify(verifier, endpoint.Engine!.Validators.SetFor(evidence.Height));
            if (error is not null)
            {
                result.Violations.Add($"EVIDENCE: validator {endpoint.Validator} produced unverifiable evidence: {error}");
            }
        }

        // Every equivocation the engine detected (and rejected) must be backed by evidence.
        foreach (var rejection in endpoint.Rejections.Where(r => r.Reason == RejectionReasons.Equivocation))
        {
            var p = rejection.Message.SignedPart!;
            var covered = endpoint.Evidence.Any(e => e.Offender.Equals(p.Sender) && e.Type == p.Type && e.Height == p.Height && e.Round == p.Round);
            if (!covered)
            {
                result.Violations.Add($"EVIDENCE: validator {endpoint.Validator} rejected an equivocation without evidence: {rejection.Detail}");
            }
        }
    }
}
