using Enc.Consensus.Crypto;
using Enc.Consensus.Evidence;
using Enc.Consensus.Messages;
using Enc.Consensus.Primitives;
using Enc.Consensus.Validators;

namespace Enc.Consensus.Tests.Evidence;

public sealed class EquivocationEvidenceTests
{
    private readonly SimulatedSignatureScheme _scheme = new();

    [Fact]
    public void ConflictingVotes_MakeVerifiableEvidence_ThatRoundTrips()
    {
        var signer = _scheme.CreateSigner("offender");
        var a = SignedPayload.Create(signer, MessageType.Prepare, 7, 2, Hash256.Compute("a"u8));
        var b = SignedPayload.Create(signer, MessageType.Prepare, 7, 2, Hash256.Compute("b"u8));
        var evidence = new EquivocationEvidence(a, b);
        var set = new ValidatorSet([new Validator(signer.PublicKey, 1)]);

        Assert.Null(evidence.Verify(_scheme, set));
        var decoded = EquivocationEvidence.Decode(evidence.Encode());
        Assert.Null(decoded.Verify(_scheme, set));
        Assert.Equal(signer.PublicKey, decoded.Offender);
        Assert.Equal((7L, 2, MessageType.Prepare), (decoded.Height, decoded.Round, decoded.Type));
        Assert.Equal(evidence.Encode(), new EquivocationEvidence(b, a).Encode());
    }

    [Fact]
    public void NonConflictsAndForgeries_AreNotEvidence()
    {
        var signer = _scheme.CreateSigner("v");
        var other = _scheme.CreateSigner("w");
        var a = SignedPayload.Create(signer, MessageType.Commit, 3, 0, Hash256.Compute("a"u8));

        Assert.Throws<ArgumentException>(() => new EquivocationEvidence(a, SignedPayload.Create(signer, MessageType.Commit, 3, 0, Hash256.Compute("a"u8))));
        Assert.Throws<ArgumentException>(() => new EquivocationEvidence(a, SignedPayload.Create(other, MessageType.Commit, 3, 0, Hash256.Compute("b"u8))));
        Assert.Throws<ArgumentException>(() => new EquivocationEvidence(a, SignedPayload.Create(signer, MessageType.Commit, 3, 1, Hash256.Compute("b"u8))));

        // A forged second message (the accuser cannot sign in the offender's name).
        var forged = new SignedPayload(MessageType.Commit, 3, 0, Hash256.Compute("b"u8), -1, signer.PublicKey, new byte[32]);
        Assert.EndsWith("signature does not verify", new EquivocationEvidence(a, forged).Verify(_scheme) ?? string.Empty, StringComparison.Ordinal);
        Assert.Contains("not a validator", new EquivocationEvidence(a, SignedPayload.Create(signer, MessageType.Commit, 3, 0, Hash256.Compute("b"u8)))
            .Verify(_scheme, new ValidatorSet([new Validator(other.PublicKey, 1)])));
    }
}
