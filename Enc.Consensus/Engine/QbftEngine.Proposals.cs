using Enc.Consensus.Blocks;
using Enc.Consensus.Messages;

namespace Enc.Consensus.Engine;

public sealed partial class QbftEngine
{
    /// <summary>The last block that passed <see cref="ValidateNewBlock"/> at the current height (reset per height).</summary>
    private ConsensusBlock? _validNewBlock;

    /// <summary>QBFT spec L1 <c>UponBlockTimeout</c>: the round-0 proposer proposes a new block.</summary>
    private void UponBlockTimeout()
    {
        if (!IsValidator || _round != 0 || _proposedRound >= 0 || !CurrentValidators.ProposerFor(Height, 0).Equals(PublicKey))
        {
            return;
        }

        Propose(0, BuildNewBlock(), [], []);
    }

    /// <summary>QBFT spec L1 <c>getNewBlock</c>: pending decisions; an empty block if the source offers an invalid batch.</summary>
    private ConsensusBlock BuildNewBlock()
    {
        var set = CurrentValidators;
        var decisions = _source.PendingDecisions(Height, Tip, _options.MaxDecisionsPerBlock);
        var block = new ConsensusBlock(Height, TipHash, set.Hash, decisions.Take(_options.MaxDecisionsPerBlock));
        return ValidateNewBlock(block) is null ? block : new ConsensusBlock(Height, TipHash, set.Hash, []);
    }

    /// <summary>
    /// QBFT spec L1 <c>validateNonPreparedBlock</c>: validator-set rules, then the application's validator.
    /// A block object that passed at this height is not validated again (the proposer validates the
    /// block it builds; its own proposal then reaches <see cref="UponProposal"/> with that same object).
    /// </summary>
    private string? ValidateNewBlock(ConsensusBlock block)
    {
        if (ReferenceEquals(block, _validNewBlock))
        {
            return null;
        }

        var changeError = _history.ValidateChanges(block.Decisions);
        if (changeError is not null)
        {
            return changeError;
        }

        var verdict = _decisionValidator.Validate(block, Tip);
        if (!verdict.IsValid)
        {
            return verdict.Reason ?? "refused by the decision validator";
        }

        _validNewBlock = block;
        return null;
    }

    private void Propose(int round, ConsensusBlock block, IReadOnlyList<SignedPayload> roundChanges, IReadOnlyList<SignedPayload> prepares)
    {
        _proposedRound = round;
        var payload = SignedPayload.Create(_signer, MessageType.Proposal, Height, round, block.Hash);
        _signatures.MarkValid(payload);
        var proposal = new ProposalMessage(payload, block, roundChanges, prepares);
        Multicast(proposal);

        // The spec adds the proposal to messagesReceived, so UponProposal fires for the proposer too.
        UponProposal(proposal);
    }

    /// <summary>QBFT spec L1 <c>UponProposal</c> with <c>isValidProposal</c>.</summary>
    private void UponProposal(ProposalMessage message)
    {
        var payload = message.Payload;
        var set = CurrentValidators;
        if (payload.Type != MessageType.Proposal)
        {
            Reject(message, RejectionReasons.MalformedBlock, $"payload type {payload.Type} in a proposal");
            return;
        }

        if (!set.Contains(payload.Sender))
        {
            Reject(message, RejectionReasons.NotAValidator, payload.ToString());
            return;
        }

        if (!set.ProposerFor(Height, payload.Round).Equals(payload.Sender))
        {
            Reject(message, RejectionReasons.WrongProposer, payload.ToString());
            return;
        }

        if (!VerifyAndObserve(message, payload))
        {
            return;
        }

        // isValidProposal: the current round without an accepted proposal, or a later round
        // (the spec takes a later round once a proposal is accepted; like Besu, ENC also takes it
        // before, which the round-change justification below keeps safe).
        if (payload.Round < _round || (payload.Round == _round && _acceptedProposal is not null))
        {
            Reject(message, RejectionReasons.StaleRound, $"{payload} at round {_round}");
            return;
        }

        var block = message.Block;
        if (block.Hash != payload.Digest || block.Height != Height || block.ParentHash != TipHash || block.ValidatorSetHash != set.Hash)
        {
            Reject(message, RejectionReasons.MalformedBlock, "block hash, height, parent or validator set does not match");
            return;
        }

        var (reason, detail) = payload.Round == 0
            ? (ValidateNewBlock(block) is { } e ? (RejectionReasons.InvalidDecisions, e) : (null, null))
            : ValidateProposalJustification(message);
        if (reason is not null)
        {
            Reject(message, reason, detail!);
            return;
        }

        if (payload.Round > _round)
        {
            EnterRound(payload.Round);
        }

        _acceptedProposal = message;
        var prepare = SignedPayload.Create(_signer, MessageType.Prepare, Height, _round, block.Hash);
        RecordOwnVote(prepare);
        Multicast(new PrepareMessage(prepare));
    }

    /// <summary>
    /// QBFT spec L1 <c>isProposalJustification</c> for round &gt; 0: a weighted quorum of valid
    /// ROUND-CHANGEs for this height and round; if none reports a prepared value the block must be
    /// a valid new block, else it must be the value of the highest prepared round, justified by a
    /// quorum of PREPAREs for that round and digest.
    /// </summary>
    private (string? Reason, string? Detail) ValidateProposalJustification(ProposalMessage message)
    {
        var round = message.Payload.Round;
        var set = CurrentValidators;
        var senders = new HashSet<Validators.ValidatorKey>();
        var highest = -1;
        foreach (var rc in message.RoundChanges)
        {
            if (rc.Type != MessageType.RoundChange || rc.Height != Height || rc.Round != round || rc.PreparedRound >= round
                || !set.Contains(rc.Sender) || !senders.Add(rc.Sender) || !_signatures.Verify(rc))
            {
                return (RejectionReasons.InvalidJustification, $"invalid ROUND-CHANGE in justification: {rc}");
            }

            highest = Math.Max(highest, rc.PreparedRound);
        }

        if (!set.IsQuorum(set.WeightOf(senders)))
        {
            return (RejectionReasons.InvalidJustification, "ROUND-CHANGE justification is not a quorum");
        }

        var block = message.Block;
        if (highest < 0)
        {
            var error = ValidateNewBlock(block);
            return error is null ? (null, null) : (RejectionReasons.InvalidDecisions, error);
        }

        if (!message.RoundChanges.Any(rc => rc.PreparedRound == highest && rc.Digest == block.Hash))
        {
            return (RejectionReasons.InvalidJustification, $"block is not the value prepared in the highest round {highest}");
        }

        var error2 = CheckPrepareCertificate(message.Prepares, highest, block.Hash);
        return error2 is null ? (null, null) : (RejectionReasons.InvalidJustification, error2);
    }

    /// <summary>A weighted quorum of distinct, validly signed PREPAREs for (current height, <paramref name="round"/>, <paramref name="digest"/>).</summary>
    private string? CheckPrepareCertificate(IReadOnlyList<SignedPayload> prepares, int round, Primitives.Hash256 digest)
    {
        var set = CurrentValidators;
        var senders = new HashSet<Validators.ValidatorKey>();
        foreach (var p in prepares)
        {
            if (p.Type != MessageType.Prepare || p.Height != Height || p.Round != round || p.Digest != digest
                || !set.Contains(p.Sender) || !senders.Add(p.Sender))
            {
                return $"PREPARE {p} does not justify round {round}";
            }
        }

        if (!set.IsQuorum(set.WeightOf(senders)))
        {
            return "PREPARE justification is not a quorum";
        }

        return _signatures.VerifySet(prepares) ? null : "the PREPARE justification's aggregate signature does not verify";
    }
}
