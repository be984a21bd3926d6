using Enc.Consensus.Blocks;
using Enc.Consensus.Crypto;
using Enc.Consensus.Messages;
using Enc.Consensus.Primitives;
using Enc.Consensus.Simulation;
using Enc.Consensus.Validators;

namespace Enc.Consensus.Tests.Wire;

public sealed class ConsensusMessageCodecTests
{
    private static readonly SimulatedSignatureScheme Scheme = new();
    private static readonly IConsensusSigner Alice = Scheme.CreateSigner("codec/alice");
    private static readonly IConsensusSigner Bob = Scheme.CreateSigner("codec/bob");

    public static TheoryData<string> Kinds() => ["proposal", "prepare", "commit", "round-change", "round-change-without-block", "new-block"];

    [Theory]
    [MemberData(nameof(Kinds))]
    public void EveryMessageKind_RoundTripsToIdenticalBytes(string kind)
    {
        var message = Sample(kind);

        var encoded = ConsensusMessageCodec.Encode(message);
        var decoded = ConsensusMessageCodec.Decode(encoded);

        Assert.Equal(message.GetType(), decoded.GetType());
        Assert.Equal(message.Height, decoded.Height);
        Assert.Equal(encoded, ConsensusMessageCodec.Encode(decoded));
        if (message.SignedPart is { } signed)
        {
            Assert.True(signed.SameContentAs(decoded.SignedPart!));
            Assert.Equal(signed.Signature, decoded.SignedPart!.Signature);
        }
    }

    [Fact]
    public void DecodedProposal_KeepsBlockHashAndJustification()
    {
        var proposal = (ProposalMessage)Sample("proposal");

        var decoded = (ProposalMessage)ConsensusMessageCodec.Decode(ConsensusMessageCodec.Encode(proposal));

        Assert.Equal(proposal.Block.Hash, decoded.Block.Hash);
        Assert.Equal(proposal.RoundChanges.Count, decoded.RoundChanges.Count);
        Assert.Equal(proposal.Prepares.Select(p => p.Sender), decoded.Prepares.Select(p => p.Sender));
    }

    public static TheoryData<string, byte[], string> Malformed()
    {
        var commit = ConsensusMessageCodec.Encode(Sample("commit"));
        var wrongKind = (byte[])commit.Clone();
        wrongKind[15] = 9;
        return new()
        {
            { "empty", [], "message.tag" },
            { "wrong tag", "ENC-QBFT-MSG-V2"u8.ToArray(), "message.tag" },
            { "unknown kind", wrongKind, "message.kind" },
            { "truncated", commit[..^5], "truncated" },
            { "trailing bytes", [.. commit, 0], "trailing" },
        };
    }

    [Theory]
    [MemberData(nameof(Malformed))]
    public void MalformedBytes_FailWithTheFieldNamed(string desc, byte[] bytes, string expected)
    {
        var error = Assert.Throws<FormatException>(() => ConsensusMessageCodec.Decode(bytes));
        Assert.True(error.Message.Contains(expected, StringComparison.Ordinal), $"{desc}: {error.Message}");
    }

    private static ConsensusMessage Sample(string kind)
    {
        var set = new ValidatorSet([new Validator(Alice.PublicKey, 1), new Validator(Bob.PublicKey, 2)]);
        var block = new ConsensusBlock(3, Hash256.Compute("parent"u8), set.Hash, [StandInPlacementScheduler.Decision("w", "node-a"), new Decision("x.other", [1, 2, 3])]);
        var prepares = new[] { Alice, Bob }.Select(s => SignedPayload.Create(s, MessageType.Prepare, 3, 1, block.Hash)).ToList();
        var roundChange = SignedPayload.Create(Alice, MessageType.RoundChange, 3, 2, block.Hash, 1);
        var commits = new[] { Alice, Bob }.Select(s => SignedPayload.Create(s, MessageType.Commit, 3, 1, block.Hash)).ToList();
        return kind switch
        {
            "proposal" => new ProposalMessage(SignedPayload.Create(Bob, MessageType.Proposal, 3, 2, block.Hash), block, [roundChange], prepares),
            "prepare" => new PrepareMessage(prepares[0]),
            "commit" => new CommitMessage(commits[1]),
            "round-change" => new RoundChangeMessage(roundChange, block, prepares),
            "round-change-without-block" => new RoundChangeMessage(SignedPayload.Create(Bob, MessageType.RoundChange, 3, 1, Hash256.Zero), null, []),
            _ => new NewBlockMessage(new CommittedBlock(block, new CommitCertificate(3, 1, block.Hash, set.Hash, CommitCertificate.BitmapFor(set, commits.Select(c => c.Sender)), Scheme.Aggregate(commits.Select(c => c.Signature).ToList())))),
        };
    }
}
