using Enc.Consensus.Blocks;
using Enc.Consensus.Crypto;
using Enc.Consensus.Messages;
using Enc.Consensus.Validators;
using Enc.Grains.Interfaces.Consensus;
using Enc.Grains.Interfaces.Hosting;
using Enc.Grains.Interfaces.Ledger;
using Enc.Grains.Receipts;
using Enc.Ledger.Receipts;

namespace Enc.Grains.Consensus;

/// <summary>
/// The round of one height: forwards each multicast to the validators and keeps it for validators
/// that start late; records the committed block once (verifying its certificate) with its ledger
/// receipt (<see cref="ConsensusReceipts"/>) and hands it to the <see cref="IConsensusCommitHandler"/>s;
/// records evidence once, also on the ledger.
/// </summary>
[CollectionAgeLimit(Minutes = 2)]
public sealed class ConsensusRoundGrain : Grain, IConsensusRoundGrain, IReceiptEmitterGrain, IRemindable
{
    /// <summary>Messages kept per height for late validators.</summary>
    public const int MaxCollected = 4096;

    private readonly IPersistentState<ConsensusRoundState> state;
    private readonly IEnumerable<IConsensusCommitHandler> handlers;
    private readonly ReceiptEmitter _receipts;
    private readonly List<ConsensusEnvelope> _collected = [];
    private readonly HashSet<string> _committedNodes = new(StringComparer.Ordinal);
    private readonly HashSet<string> _servedNewBlock = new(StringComparer.Ordinal);
    private ConsensusBlockRecord? _record;

    /// <summary>Creates the grain.</summary>
    public ConsensusRoundGrain(
        [PersistentState("round", EncProviderNames.GrainStorage)] IPersistentState<ConsensusRoundState> state,
        IEnumerable<IConsensusCommitHandler> handlers,
        ReceiptEmitterFactory receipts)
    {
        this.state = state;
        this.handlers = handlers;
        _receipts = receipts.Create(this, () => state.State.Receipts, () => state.WriteStateAsync());
    }

    /// <inheritdoc />
    public override Task OnActivateAsync(CancellationToken cancellationToken) => _receipts.OnActivateAsync();

    /// <inheritdoc />
    public override Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken) => _receipts.OnDeactivateAsync();

    Task IReceiptEmitterGrain.OnReceiptsSettledAsync(LedgerAppendOutcome outcome) => _receipts.OnSettledAsync(outcome);

    Task IRemindable.ReceiveReminder(string reminderName, TickStatus status) =>
        ReceiptEmitter.IsReminder(reminderName) ? _receipts.OnReminderAsync() : Task.CompletedTask;

    Task IConsensusRoundGrain.PublishAsync(ConsensusEnvelope envelope, string senderNode, IReadOnlyList<string> recipients)
    {
        if (state.State.Block is null && envelope.Kind != ConsensusMessageCodec.KindNewBlock && _collected.Count < MaxCollected)
        {
            _collected.Add(envelope);
        }

        foreach (var recipient in recipients)
        {
            if (!string.Equals(recipient, senderNode, StringComparison.Ordinal))
            {
                GrainFactory.GetGrain<IValidatorGrain>(recipient).PushAsync(envelope).Ignore();
            }
        }

        return Task.CompletedTask;
    }

    Task<IReadOnlyList<ConsensusEnvelope>> IConsensusRoundGrain.GetMessagesAsync() =>
        Task.FromResult<IReadOnlyList<ConsensusEnvelope>>(_collected.ToList());

    async Task<bool> IConsensusRoundGrain.ReportCommitAsync(
        byte[] encodedBlock, byte[] encodedCertificate, IReadOnlyList<ValidatorInfo> validators, string senderNode, IReadOnlyList<string> recipients)
    {
        _committedNodes.Add(senderNode);
        AnnounceNewBlock(encodedBlock, encodedCertificate, senderNode, recipients);
        var height = this.GetPrimaryKeyLong();
        if (state.State.Block is { } recorded)
        {
            // Every validator reports its commit; only the first is decoded and verified.
            return recorded.AsSpan().SequenceEqual(encodedBlock)
                ? false
                : throw new InvalidOperationException($"Height {height} already committed block {ConsensusBlock.Decode(recorded).Hash}; refusing {ConsensusBlock.Decode(encodedBlock).Hash}.");
        }

        var block = ConsensusBlock.Decode(encodedBlock);

        var certificate = CommitCertificate.Decode(encodedCertificate);
        var set = new ValidatorSet(validators.Select(v => new Validator(ValidatorKey.FromHex(v.PublicKey), v.Weight)));
        var error = block.Height != height ? $"block height {block.Height} recorded at round grain {height}"
            : certificate.BlockHash != block.Hash || certificate.Height != height ? "certificate is for another block"
            : set.Hash != block.ValidatorSetHash ? "validators do not match the block's validator set hash"
            : certificate.Verify(set, BlsConsensusVerifier.Instance);
        if (error is not null)
        {
            throw new ArgumentException($"encodedCertificate: {error}", nameof(encodedCertificate));
        }

        state.State.Block = encodedBlock;
        state.State.Certificate = encodedCertificate;
        state.State.Validators = validators.ToList();
        state.State.RecordedAt = DateTimeOffset.UtcNow;
        var record = Record()!;
        _receipts.Record(ReceiptKind.ConsensusDecision, ConsensusReceipts.BlockSubject(height), ConsensusReceipts.Block(record));
        await state.WriteStateAsync();
        await _receipts.FlushAsync();
        _collected.Clear();
        foreach (var handler in handlers)
        {
            await handler.OnCommittedAsync(GrainFactory, block, record);
        }

        return true;
    }

    async Task IConsensusRoundGrain.RecordEvidenceAsync(byte[] encodedEvidence)
    {
        if (state.State.Evidence.Any(e => e.AsSpan().SequenceEqual(encodedEvidence)))
        {
            return;
        }

        var evidence = Enc.Consensus.Evidence.EquivocationEvidence.Decode(encodedEvidence);
        var error = evidence.Height != this.GetPrimaryKeyLong() ? "evidence is for another height" : evidence.Verify(BlsConsensusVerifier.Instance);
        if (error is not null)
        {
            throw new ArgumentException($"encodedEvidence: {error}", nameof(encodedEvidence));
        }

        state.State.Evidence.Add(encodedEvidence);
        _record = null;
        _receipts.Record(ReceiptKind.ConsensusEvidence, ConsensusReceipts.EvidenceSubject(evidence.Height), ConsensusReceipts.Evidence(evidence.Height, encodedEvidence));
        await state.WriteStateAsync();
        await _receipts.FlushAsync();
        foreach (var handler in handlers)
        {
            await handler.OnEvidenceAsync(GrainFactory, this.GetPrimaryKeyLong(), encodedEvidence);
        }
    }

    Task<ConsensusBlockRecord?> IConsensusRoundGrain.GetBlockAsync() => Task.FromResult(Record());

    /// <summary>
    /// QBFT <c>UponCommit</c>'s NEW-BLOCK, fanned out here: every committing validator reports the whole block, and each
    /// recipient that has not reported its own commit gets one copy, not one per committer (n·(n−1) copies of a block).
    /// Sent before the report is verified, as any multicast: receivers verify the certificate themselves.
    /// </summary>
    private void AnnounceNewBlock(byte[] encodedBlock, byte[] encodedCertificate, string senderNode, IReadOnlyList<string> recipients)
    {
        ConsensusEnvelope? envelope = null;
        foreach (var recipient in recipients)
        {
            if (!string.Equals(recipient, senderNode, StringComparison.Ordinal) && !_committedNodes.Contains(recipient) && _servedNewBlock.Add(recipient))
            {
                envelope ??= new ConsensusEnvelope
                {
                    Height = this.GetPrimaryKeyLong(),
                    Kind = ConsensusMessageCodec.KindNewBlock,
                    Bytes = ConsensusMessageCodec.EncodeNewBlock(encodedBlock, encodedCertificate),
                };
                GrainFactory.GetGrain<IValidatorGrain>(recipient).PushAsync(envelope).Ignore();
            }
        }
    }

    private ConsensusBlockRecord? Record()
    {
        if (_record is not null || state.State.Block is not { } encoded || state.State.Certificate is not { } certificateBytes)
        {
            return _record;
        }

        var block = ConsensusBlock.Decode(encoded);
        var certificate = CommitCertificate.Decode(certificateBytes);
        var validators = state.State.Validators;
        var set = new ValidatorSet(validators.Select(v => new Validator(ValidatorKey.FromHex(v.PublicKey), v.Weight)));
        var names = validators.ToDictionary(v => v.PublicKey, v => v.NodeName, StringComparer.Ordinal);
        string? NodeOf(ValidatorKey key) => names.GetValueOrDefault(key.ToHex());
        _record = new ConsensusBlockRecord
        {
            Height = block.Height,
            BlockHash = block.Hash.ToString(),
            ParentHash = block.ParentHash.ToString(),
            Decisions = block.Decisions.Select(d => ConsensusViews.Decision(d, NodeOf)).ToList(),
            Certificate = ConsensusViews.Certificate(certificate, set, NodeOf),
            Validators = validators.ToList(),
            EncodedBlock = encoded,
            RecordedAt = state.State.RecordedAt,
            Evidence = state.State.Evidence.ToList(),
        };
        return _record;
    }
}
