using Enc.Consensus.Blocks;
using Enc.Consensus.Messages;

namespace Enc.Consensus.Engine;

public sealed partial class QbftEngine
{
    private readonly SortedDictionary<long, List<ConsensusMessage>> _future = [];
    private int _bufferedCount;

    /// <summary>Resets per-height state and arms the round-0 timers (QBFT spec L1 <c>UponCommit</c>/<c>UponNewBlock</c> next-state).</summary>
    private void StartHeight()
    {
        _log.Clear();
        _signatures.Clear();
        _round = 0;
        _acceptedProposal = null;
        _lastPreparedRound = -1;
        _lastPreparedBlock = null;
        _lastPreparedJustification = [];
        _commitSentRound = -1;
        _proposedRound = -1;
        _validNewBlock = null;
        _blockTimerAt = null;
        _idle = !HasWorkForHeight();
        if (_idle)
        {
            _roundTimeoutAt = DateTimeOffset.MaxValue;
        }
        else
        {
            ArmHeightTimers();
        }

        ReplayBuffered();
    }

    /// <summary>
    /// Arms the round timer of the current round and, for the round-0 proposer that has not
    /// proposed yet, the block timer (QBFT spec L1 <c>UponBlockTimeout</c>).
    /// </summary>
    private void ArmHeightTimers()
    {
        _idle = false;
        _roundTimeoutAt = _now + _options.RoundTimeout(_round);
        _blockTimerAt = IsValidator && _round == 0 && _proposedRound < 0 && CurrentValidators.ProposerFor(Height, 0).Equals(PublicKey)
            ? _now + _options.BlockInterval
            : null;
        if (_blockTimerAt is { } due && _now >= due)
        {
            _blockTimerAt = null;
            UponBlockTimeout();
        }
    }

    /// <summary>True when this height must run: empty blocks are proposed, or the source offers a decision for it.</summary>
    private bool HasWorkForHeight() => _options.ProposeEmptyBlocks || _source.HasPendingDecisions(Height, Tip);

    private void AppendCommitted(CommittedBlock committed)
    {
        var expected = _chain.Count + 1;
        if (committed.Block.Height != expected || committed.Block.ParentHash != TipHash)
        {
            throw new InvalidOperationException($"Block {committed.Block.Height} does not extend the chain at height {_chain.Count}.");
        }

        _history.OnCommitted(committed.Block);
        _chain.Add(committed);
    }

    /// <summary>Appends a block decided here or learned from a certificate and moves to the next height.</summary>
    private void CommitAndAdvance(CommittedBlock committed, bool announce)
    {
        AppendCommitted(committed);
        _output.Committed.Add(committed);
        if (announce)
        {
            // QBFT spec L1 UponCommit multicasts NewBlock so that validators that missed the round catch up.
            Multicast(new NewBlockMessage(committed));
        }

        Height = _chain.Count + 1;
        StartHeight();
    }

    /// <summary>QBFT spec L1 <c>UponNewBlock</c> / <c>validNewBlockMessage</c>: adopt a certified block for the current height.</summary>
    private void UponNewBlock(NewBlockMessage message)
    {
        var block = message.Committed.Block;
        if (block.Height < Height)
        {
            return;
        }

        if (block.Height > Height || !_started)
        {
            BufferFuture(message);
            return;
        }

        var certificate = message.Committed.Certificate;
        var set = CurrentValidators;
        string? error = null;
        if (block.ParentHash != TipHash || block.ValidatorSetHash != set.Hash)
        {
            error = "block does not extend the local chain";
        }
        else if (certificate.Height != block.Height || certificate.BlockHash != block.Hash)
        {
            error = "certificate is for another block";
        }
        else
        {
            error = _history.ValidateChanges(block.Decisions) ?? certificate.Verify(set, _signatures.Verifier);
        }

        if (error is not null)
        {
            Reject(message, RejectionReasons.InvalidCertificate, error);
            return;
        }

        CommitAndAdvance(message.Committed, announce: false);
    }

    /// <summary>
    /// A validator still working on a decided height announced a round change: send it the
    /// certified blocks from that height on (at most <see cref="QbftOptions.FutureHeightWindow"/>),
    /// which it buffers and applies in order.
    /// </summary>
    private void AnswerLaggingValidator(ConsensusMessage message)
    {
        if (message is not RoundChangeMessage roundChange || roundChange.Height < 1 || roundChange.Height > _chain.Count)
        {
            return;
        }

        var sender = roundChange.Payload.Sender;
        if (!_history.SetFor(roundChange.Height).Contains(sender))
        {
            return;
        }

        var last = Math.Min(_chain.Count, roundChange.Height + _options.FutureHeightWindow);
        for (var h = roundChange.Height; h <= last; h++)
        {
            _output.Messages.Add(new OutgoingMessage(sender, new NewBlockMessage(_chain[(int)h - 1])));
        }
    }

    private void BufferFuture(ConsensusMessage message)
    {
        if (message.Height > Height + _options.FutureHeightWindow || _bufferedCount >= _options.MaxBufferedMessages)
        {
            Reject(message, RejectionReasons.BufferFull, $"height {message.Height} while at {Height}");
            return;
        }

        if (!_future.TryGetValue(message.Height, out var list))
        {
            list = [];
            _future[message.Height] = list;
        }

        list.Add(message);
        _bufferedCount++;
    }

    private void ReplayBuffered()
    {
        if (!_started)
        {
            return;
        }

        foreach (var stale in _future.Keys.Where(h => h < Height).ToList())
        {
            _bufferedCount -= _future[stale].Count;
            _future.Remove(stale);
        }

        if (!_future.Remove(Height, out var ready))
        {
            return;
        }

        _bufferedCount -= ready.Count;
        var height = Height;
        foreach (var message in ready)
        {
            if (Height != height)
            {
                // A replayed message completed this height; the rest belong to the past.
                break;
            }

            Dispatch(message);
        }
    }
}
