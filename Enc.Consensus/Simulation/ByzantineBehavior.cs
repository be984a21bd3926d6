using Enc.Consensus.Blocks;
using Enc.Consensus.Engine;
using Enc.Consensus.Messages;
using Enc.Consensus.Primitives;

namespace Enc.Consensus.Simulation;

/// <summary>Turns a faulty endpoint's honest engine output into what the faulty validator actually sends.</summary>
internal static class ByzantineBehavior
{
    /// <summary>
    /// Messages to send to one recipient endpoint for one outgoing engine message. Honest endpoints
    /// send it unchanged; faulty ones may alter, duplicate or withhold it.
    /// </summary>
    public static IEnumerable<ConsensusMessage> Transform(SimulatedEndpoint from, int recipientEndpoint, ConsensusMessage message, Random random, IReadOnlyList<SimulatedEndpoint> endpoints)
    {
        switch (from.Fault)
        {
            case FaultKind.EquivocatingProposer when message is ProposalMessage proposal && recipientEndpoint % 2 == 1:
                yield return ConflictingProposal(from, proposal);
                break;
            case FaultKind.EquivocatingVoter when message is PrepareMessage or CommitMessage && recipientEndpoint % 2 == 1:
                yield return ConflictingVote(from, message, random);
                break;
            case FaultKind.ForgedSignatures:
                yield return WithCorruptedSignature(message);
                if (random.Next(3) == 0)
                {
                    yield return ForgedInAnotherName(from, message, random, endpoints);
                }

                if (message is CommitMessage commit && random.Next(4) == 0)
                {
                    yield return ForgedCertificate(from, commit);
                }

                break;
            default:
                yield return message;
                break;
        }
    }

    private static ProposalMessage ConflictingProposal(SimulatedEndpoint from, ProposalMessage proposal)
    {
        var b = proposal.Block;
        var extra = $"equivocation/{from.Validator}/h{b.Height}/r{proposal.Payload.Round}";
        var decisions = b.Decisions.Append(StandInPlacementScheduler.Decision(extra, StandInPlacementScheduler.Place(extra, b.ParentHash)));
        var other = new ConsensusBlock(b.Height, b.ParentHash, b.ValidatorSetHash, decisions);
        var payload = SignedPayload.Create(from.Signer, MessageType.Proposal, b.Height, proposal.Payload.Round, other.Hash);
        return new ProposalMessage(payload, other, proposal.RoundChanges, proposal.Prepares);
    }

    private static ConsensusMessage ConflictingVote(SimulatedEndpoint from, ConsensusMessage message, Random random)
    {
        var p = message.SignedPart!;
        var digest = RandomHash(random);
        var payload = SignedPayload.Create(from.Signer, p.Type, p.Height, p.Round, digest);
        return p.Type == MessageType.Prepare ? new PrepareMessage(payload) : new CommitMessage(payload);
    }

    private static ConsensusMessage WithCorruptedSignature(ConsensusMessage message)
    {
        var p = message.SignedPart;
        if (p is null)
        {
            return message;
        }

        var signature = (byte[])p.Signature.Clone();
        signature[0] ^= 0x5a;
        var bad = new SignedPayload(p.Type, p.Height, p.Round, p.Digest, p.PreparedRound, p.Sender, signature);
        return message switch
        {
            ProposalMessage m => new ProposalMessage(bad, m.Block, m.RoundChanges, m.Prepares),
            PrepareMessage => new PrepareMessage(bad),
            CommitMessage => new CommitMessage(bad),
            RoundChangeMessage m => new RoundChangeMessage(bad, m.PreparedBlock, m.Prepares),
            _ => message,
        };
    }

    private static ConsensusMessage ForgedInAnotherName(SimulatedEndpoint from, ConsensusMessage message, Random random, IReadOnlyList<SimulatedEndpoint> endpoints)
    {
        var victim = endpoints[random.Next(endpoints.Count)].Signer.PublicKey;
        var height = message.Height;
        var round = message.SignedPart?.Round ?? 0;
        var signature = new byte[from.Signer.Sign([1]).Length];
        random.NextBytes(signature);
        var type = random.Next(2) == 0 ? MessageType.Prepare : MessageType.Commit;
        var forged = new SignedPayload(type, height, round, RandomHash(random), -1, victim, signature);
        return type == MessageType.Prepare ? new PrepareMessage(forged) : new CommitMessage(forged);
    }

    private static NewBlockMessage ForgedCertificate(SimulatedEndpoint from, CommitMessage commit)
    {
        var engine = from.Engine!;
        var set = engine.Validators.SetFor(commit.Height);
        var parent = commit.Height == 1 ? Hash256.Zero : engine.Chain[(int)commit.Height - 2].Block.Hash;
        var block = new ConsensusBlock(commit.Height, parent, set.Hash, [StandInPlacementScheduler.Decision("forged", "node-a")]);
        var bitmap = CommitCertificate.BitmapFor(set, set.Validators.Select(v => v.Key));
        var aggregate = from.Signer.Sign(block.Hash.ToArray());
        var certificate = new CommitCertificate(commit.Height, commit.Payload.Round, block.Hash, set.Hash, bitmap, aggregate);
        return new NewBlockMessage(new CommittedBlock(block, certificate));
    }

    private static Hash256 RandomHash(Random random)
    {
        Span<byte> bytes = stackalloc byte[32];
        random.NextBytes(bytes);
        return Hash256.FromBytes(bytes);
    }
}
