using Enc.Consensus.Blocks;
using Enc.Consensus.Crypto;
using Enc.Consensus.Simulation;
using Enc.Consensus.Tests.Engine;
using Enc.Crypto.Bls;

namespace Enc.Consensus.Tests.Simulation;

/// <summary>Scenarios and certificates with real BLS12-381 signatures (slow, so few seeds).</summary>
public sealed class RealBlsConsensusTests
{
    private static BlsConsensusSigner Signer(int seed, int i) =>
        new(BlsSecretKey.FromKeyMaterial(System.Text.Encoding.UTF8.GetBytes($"enc-consensus-test-key-material/{seed}/{i}/0123456789")));

    private static SimulationRunner Runner(int seed)
    {
        var signers = new Dictionary<int, BlsConsensusSigner>();
        BlsConsensusSigner Get(int i) => signers.TryGetValue(i, out var s) ? s : signers[i] = Signer(seed, i);
        return new SimulationRunner(BlsConsensusVerifier.Instance, Get, i => Get(i).ProofOfPossession());
    }

    public static TheoryData<int, FaultKind> Scenarios() => new()
    {
        { 4, FaultKind.Honest },
        { 4, FaultKind.ForgedSignatures },
        { 4, FaultKind.EquivocatingVoter },
        { 7, FaultKind.ForgedSignatures },
        { 7, FaultKind.Twins },
    };

    [Theory]
    [MemberData(nameof(Scenarios))]
    public void ByzantineScenario_HoldsAllProperties_WithRealBls(int n, FaultKind fault)
    {
        var faults = new FaultKind[n];
        for (var i = 0; i < (n - 1) / 3; i++)
        {
            faults[(i * 3) + 1] = fault;
        }

        var scenario = new SimulationScenario
        {
            Seed = 700 + n + (int)fault,
            Weights = Enumerable.Repeat(1L, n).ToArray(),
            Faults = faults,
            HealAtMs = 500,
            DropProbability = 0.1,
            UnstableMaxDelayMs = 50,
            StableMaxDelayMs = 10,
            TargetHeight = 2,
        };

        var result = Runner(scenario.Seed).Run(scenario);

        Assert.True(result.Passed, result.ToString());
        if (fault == FaultKind.ForgedSignatures)
        {
            Assert.True(result.ForgeriesRejected > 0, "forged BLS signatures were not rejected: " + result);
        }
    }

    [Fact]
    public void CommitCertificate_IsAnAggregateBlsSignature_VerifiableOffline()
    {
        var cluster = new EngineTestCluster(4, verifier: BlsConsensusVerifier.Instance, signers: i => Signer(1, i));
        cluster.Start();
        Assert.True(cluster.RunUntil(() => cluster.AllReach(1)));
        var certificate = CommitCertificate.Decode(cluster.Engines[2].Chain[0].Certificate.Encode());

        Assert.Equal(Bls.SignatureLength, certificate.AggregateSignature.Length);
        Assert.Null(certificate.Verify(cluster.Genesis, BlsConsensusVerifier.Instance));
        var signers = certificate.Signers(cluster.Genesis).Select(k => k.Bytes.ToArray()).ToList();
        Assert.True(Bls.FastAggregateVerify(signers, certificate.SealMessage(), certificate.AggregateSignature));

        var other = cluster.Engines[2].Chain[0].Certificate;
        var wrongBlock = new CommitCertificate(other.Height, other.Round, Primitives.Hash256.Compute("other"u8), other.ValidatorSetHash, other.SignerBitmap, other.AggregateSignature);
        Assert.Equal("aggregate signature does not verify", wrongBlock.Verify(cluster.Genesis, BlsConsensusVerifier.Instance));
    }
}
