using Enc.Consensus.Messages;
using Enc.Consensus.Primitives;
using Enc.Consensus.Validators;

namespace Enc.Consensus.Engine;

public sealed partial class QbftEngine
{
    private void EnterRound(int round)
    {
        _round = round;
        _acceptedProposal = null;
        _blockTimerAt = null;
        _roundTimeoutAt = _now + _options.RoundTimeout(round);
    }

    /// <summary>QBFT spec L1 <c>UponRoundTimeout</c>: move to the next round and announce it (timer restarts, as in the IBFT paper's <c>start timer</c>).</summary>
    private void UponRoundTimeout()
    {
        EnterRound(_round + 1);
        SendRoundChange();
    }

    /// <summary>QBFT spec L1 <c>createRoundChange</c>: the new round plus the last prepared round, block and PREPARE quorum.</summary>
    private void SendRoundChange()
    {
        var digest = _lastPreparedBlock?.Hash ?? Hash256.Zero;
        var payload = SignedPayload.Create(_signer, MessageType.RoundChange, Height, _round, digest, _lastPreparedRound);
        var message = new RoundChangeMessage(payload, _lastPreparedBlock, _lastPreparedJustification);
        _signatures.MarkValid(payload);
        _log.Observe(payload, _signatures, out _, out _);
        _log.RoundChanges(_round)[PublicKey] = message;
        Multicast(message);
    }

    /// <summary>
    /// Records a ROUND-CHANGE after QBFT spec L1 <c>validRoundChange</c>; a reported prepared value
    /// must come with its block and a PREPARE quorum (as Besu's round-change validation requires),
    /// so that any quorum of stored ROUND-CHANGEs can justify a proposal.
    /// </summary>
    private void RecordRoundChange(RoundChangeMessage message)
    {
        var payload = message.Payload;
        var set = CurrentValidators;
        if (payload.Type != MessageType.RoundChange || payload.Round < 1 || payload.PreparedRound >= payload.Round)
        {
            Reject(message, RejectionReasons.InvalidJustification, $"malformed ROUND-CHANGE {payload}");
            return;
        }

        if (!set.Contains(payload.Sender))
        {
            Reject(message, RejectionReasons.NotAValidator, payload.ToString());
            return;
        }

        if (payload.Round < _round)
        {
            return;
        }

        if (!VerifyAndObserve(message, payload))
        {
            return;
        }

        if (payload.HasPreparedValue)
        {
            var block = message.PreparedBlock;
            var error = block is null || block.Hash != payload.Digest || block.Height != Height || block.ParentHash != TipHash
                ? "prepared block missing or not matching the reported digest"
                : CheckPrepareCertificate(message.Prepares, payload.PreparedRound, payload.Digest);
            if (error is not null)
            {
                Reject(message, RejectionReasons.InvalidJustification, error);
                return;
            }
        }

        _log.RoundChanges(payload.Round).TryAdd(payload.Sender, message);
    }

    /// <summary>
    /// QBFT spec L1 <c>UponRoundChange</c>, first branch (<c>hasReceivedProposalJustification</c>):
    /// as proposer of a round with a ROUND-CHANGE quorum, propose the highest prepared value with
    /// its PREPARE certificate, or a new block when none was prepared.
    /// </summary>
    private bool UponRoundChangeQuorum()
    {
        var set = CurrentValidators;
        for (var round = _round; round <= _round + set.Count; round++)
        {
            if (round < 1 || round <= _proposedRound || !set.ProposerFor(Height, round).Equals(PublicKey))
            {
                continue;
            }

            if ((round == _round && _acceptedProposal is not null) || (round > _round && _acceptedProposal is null))
            {
                continue;
            }

            var roundChanges = _log.RoundChanges(round);
            if (!set.IsQuorum(set.WeightOf(roundChanges.Keys)))
            {
                continue;
            }

            var ordered = roundChanges.Values.OrderBy(m => m.Payload.Sender).ToList();
            var highest = ordered.Where(m => m.Payload.HasPreparedValue).OrderByDescending(m => m.Payload.PreparedRound).FirstOrDefault();
            if (round > _round)
            {
                EnterRound(round);
            }

            var payloads = ordered.Select(m => m.Payload).ToList();
            if (highest is null)
            {
                Propose(round, BuildNewBlock(), payloads, []);
            }
            else
            {
                Propose(round, highest.PreparedBlock!, payloads, highest.Prepares);
            }

            return true;
        }

        return false;
    }

    /// <summary>
    /// QBFT spec L1 <c>UponRoundChange</c>, second branch: ROUND-CHANGEs for later rounds from more
    /// than a third of the weight (the spec's f+1) move this validator to the smallest of those rounds.
    /// ENC picks the highest round r such that senders at rounds ≥ r exceed a third of the weight.
    /// </summary>
    private bool UponRoundChangeSkip()
    {
        var set = CurrentValidators;
        var highestPerSender = new Dictionary<ValidatorKey, int>();
        foreach (var (round, sender) in _log.RoundChangesAbove(_round))
        {
            highestPerSender[sender] = Math.Max(round, highestPerSender.GetValueOrDefault(sender));
        }

        long weight = 0;
        foreach (var (sender, round) in highestPerSender.OrderByDescending(kv => kv.Value))
        {
            weight += set.WeightOf(sender);
            if (set.ExceedsFaultyWeight(weight))
            {
                EnterRound(round);
                SendRoundChange();
                return true;
            }
        }

        return false;
    }
}
