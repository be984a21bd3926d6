using Enc.Consensus.Blocks;
using Enc.Consensus.Messages;

namespace Enc.Consensus.Engine;

public sealed partial class QbftEngine
{
    private readonly List<SignedPayload> _invalidVotes = [];

    /// <summary>Records a PREPARE or COMMIT (QBFT spec L1 <c>validSignedPrepareForHeightRoundAndDigest</c>, <c>validateCommit</c>); signatures are checked lazily at quorum time.</summary>
    private void RecordVote(ConsensusMessage message, SignedPayload payload, MessageType expected)
    {
        if (payload.Type != expected)
        {
            Reject(message, RejectionReasons.MalformedBlock, $"payload type {payload.Type} in a {expected} message");
            return;
        }

        if (!CurrentValidators.Contains(payload.Sender))
        {
            Reject(message, RejectionReasons.NotAValidator, payload.ToString());
            return;
        }

        var result = _log.Observe(payload, _signatures, out var previous, out var evidence);
        switch (result)
        {
            case ObservationResult.New:
                _log.VotesFor(payload).Add(payload, _signatures.IsKnownValid(payload));
                break;
            case ObservationResult.ReplacedForgery:
                _log.VotesFor(previous!).Remove(previous!.Sender, _signatures);
                _log.VotesFor(payload).Add(payload, verified: true);
                break;
            default:
                ReportObservation(message, payload, result, evidence);
                break;
        }
    }

    private void RecordOwnVote(SignedPayload payload)
    {
        _signatures.MarkValid(payload);
        _log.Observe(payload, _signatures, out _, out _);
        _log.VotesFor(payload).Add(payload, verified: true);
    }

    /// <summary>
    /// Verifies a proposal or ROUND-CHANGE signature eagerly (they are rare and carry
    /// justifications) and records it for equivocation detection; false when it must be dropped.
    /// </summary>
    private bool VerifyAndObserve(ConsensusMessage message, SignedPayload payload)
    {
        if (!_signatures.Verify(payload))
        {
            Reject(message, RejectionReasons.InvalidSignature, payload.ToString());
            return false;
        }

        var result = _log.Observe(payload, _signatures, out _, out var evidence);
        if (result is ObservationResult.New or ObservationResult.ReplacedForgery)
        {
            return true;
        }

        ReportObservation(message, payload, result, evidence);
        return false;
    }

    private void ReportObservation(ConsensusMessage message, SignedPayload payload, ObservationResult result, Evidence.EquivocationEvidence? evidence)
    {
        if (evidence is not null)
        {
            _output.Evidence.Add(evidence);
        }

        if (result == ObservationResult.Conflict)
        {
            Reject(message, RejectionReasons.Equivocation, payload.ToString());
        }
        else if (result == ObservationResult.Forged)
        {
            Reject(message, RejectionReasons.InvalidSignature, payload.ToString());
        }
    }

    /// <summary>QBFT spec L1 <c>UponPrepare</c>: a PREPARE quorum for the accepted proposal; lock on it and send COMMIT.</summary>
    private bool UponPrepareQuorum()
    {
        if (_acceptedProposal is null || _commitSentRound == _round)
        {
            return false;
        }

        var block = _acceptedProposal.Block;
        var tally = _log.Prepares(_round, block.Hash);
        if (!HasVerifiedQuorum(tally))
        {
            return false;
        }

        _lastPreparedRound = _round;
        _lastPreparedBlock = block;
        _lastPreparedJustification = tally.VerifiedVotes();
        _commitSentRound = _round;
        var commit = SignedPayload.Create(_signer, MessageType.Commit, Height, _round, block.Hash);
        RecordOwnVote(commit);
        Multicast(new CommitMessage(commit));
        return true;
    }

    /// <summary>QBFT spec L1 <c>UponCommit</c>: a COMMIT quorum for the accepted proposal decides the block; the seals form its certificate.</summary>
    private bool UponCommitQuorum()
    {
        if (_acceptedProposal is null)
        {
            return false;
        }

        var block = _acceptedProposal.Block;
        var tally = _log.Commits(_round, block.Hash);
        if (!HasVerifiedQuorum(tally))
        {
            return false;
        }

        var set = CurrentValidators;
        var seals = tally.VerifiedVotes();
        var certificate = new CommitCertificate(
            Height,
            _round,
            block.Hash,
            set.Hash,
            CommitCertificate.BitmapFor(set, seals.Select(s => s.Sender)),
            _signatures.Verifier.Aggregate(seals.Select(s => s.Signature).ToList()));
        CommitAndAdvance(new CommittedBlock(block, certificate), announce: true);
        return true;
    }

    private bool HasVerifiedQuorum(VoteTally tally)
    {
        _invalidVotes.Clear();
        var quorum = tally.HasVerifiedQuorum(CurrentValidators, _signatures, _invalidVotes);
        foreach (var vote in _invalidVotes)
        {
            ConsensusMessage wrapper = vote.Type == MessageType.Prepare ? new PrepareMessage(vote) : new CommitMessage(vote);
            Reject(wrapper, RejectionReasons.InvalidSignature, vote.ToString());
        }

        return quorum;
    }
}
