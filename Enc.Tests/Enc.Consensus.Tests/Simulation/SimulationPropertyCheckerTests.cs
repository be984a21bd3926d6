using Enc.Consensus.Blocks;
using Enc.Consensus.Crypto;
using Enc.Consensus.Engine;
using Enc.Consensus.Evidence;
using Enc.Consensus.Messages;
using Enc.Consensus.Primitives;
using Enc.Consensus.Simulation;
using Enc.Consensus.Validators;

namespace Enc.Consensus.Tests.Simulation;

/// <summary>The checker must catch each kind of violation (otherwise the seeded runs could not fail).</summary>
public sealed class SimulationPropertyCheckerTests
{
    private readonly SimulatedSignatureScheme _scheme = new();

    [Fact]
    public void ConflictingCommits_AreReportedAsSafetyViolations()
    {
        var signers = Enumerable.Range(0, 4).Select(i => _scheme.CreateSigner($"chk/{i}")).ToArray();
        var set = new ValidatorSet(signers.Select(s => new Validator(s.PublicKey, 1)));
        CommittedBlock Certified(string workload)
        {
            var block = new ConsensusBlock(1, Hash256.Zero, set.Hash, [StandInPlacementScheduler.Decision(workload, StandInPlacementScheduler.Place(workload, Hash256.Zero))]);
            var seals = signers.Select(s => SignedPayload.Create(s, MessageType.Commit, 1, 0, block.Hash)).ToList();
            var certificate = new CommitCertificate(1, 0, block.Hash, set.Hash, CommitCertificate.BitmapFor(set, signers.Select(s => s.PublicKey)), _scheme.Aggregate(seals.Select(p => p.Signature).ToList()));
            return new CommittedBlock(block, certificate);
        }

        SimulatedEndpoint Endpoint(int i, CommittedBlock chain) =>
            new(i, i, FaultKind.Honest, signers[i], new QbftEngine(new QbftOptions(), signers[i], _scheme, set, new StandInDecisionSource("x", false, []), new StandInPlacementValidator(), [chain]));

        var scenario = new SimulationScenario { Seed = 1, Weights = [1, 1, 1, 1], Faults = new FaultKind[4], TargetHeight = 1 };
        var result = new SimulationResult(scenario);
        var endpoints = new[] { Endpoint(0, Certified("a")), Endpoint(1, Certified("b")) };
        endpoints[0].Evidence.Add(new EquivocationEvidence(
            SignedPayload.Create(signers[1], MessageType.Prepare, 1, 0, Hash256.Compute("p"u8)),
            SignedPayload.Create(signers[1], MessageType.Prepare, 1, 0, Hash256.Compute("q"u8))));

        SimulationPropertyChecker.Check(scenario, endpoints, _scheme, result);

        Assert.Contains(result.Violations, v => v.StartsWith("SAFETY", StringComparison.Ordinal));
        Assert.Contains(result.Violations, v => v.StartsWith("EVIDENCE", StringComparison.Ordinal) && v.Contains("accused honest", StringComparison.Ordinal));
        Assert.DoesNotContain(result.Violations, v => v.StartsWith("LIVENESS", StringComparison.Ordinal));
    }

    [Fact]
    public void StalledHonestValidators_AreReportedAsLivenessViolations()
    {
        var scenario = new SimulationScenario { Seed = 9, Weights = [1, 1, 1, 1], Faults = [FaultKind.Silent, FaultKind.Silent, FaultKind.Honest, FaultKind.Honest], TargetHeight = 1, LivenessBudgetMs = 5_000 };

        var result = SimulationRunner.WithSimulatedSignatures(9).Run(scenario);

        Assert.Contains(result.Violations, v => v.StartsWith("LIVENESS", StringComparison.Ordinal));
        Assert.DoesNotContain(result.Violations, v => v.StartsWith("SAFETY", StringComparison.Ordinal));
    }
}
