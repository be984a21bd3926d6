using Enc.Consensus.Blocks;
using Enc.Consensus.Engine;
using Enc.Consensus.Messages;
using Enc.Consensus.Validators;
using Enc.Grains.Interfaces.Consensus;

namespace Enc.Grains.Consensus;

/// <summary>
/// The validator grain's side of the Orleans transport: a multicast goes to the height's
/// <see cref="IConsensusRoundGrain"/>, which records it and forwards it to the validators; a direct
/// message goes to the recipient's <see cref="IValidatorGrain"/>; a committed block goes once to the round
/// grain of its height, in the commit report, which also announces it (NEW-BLOCK) to the validators that have
/// not committed (without waiting for the record); evidence is recorded there too. Keys map to node names
/// through the registry.
/// </summary>
internal sealed class ValidatorTransport(IGrainFactory grains, string nodeName, Action<long, Exception> onRecordFailed)
{
    private readonly Dictionary<ValidatorKey, string> _nodeByKey = [];
    private IReadOnlyList<string> _recipients = [];
    private long _recipientsHeight = -1;

    public string? NodeOf(ValidatorKey key) => _nodeByKey.GetValueOrDefault(key);

    public async Task RefreshDirectoryAsync()
    {
        var registrations = await grains.GetGrain<IConsensusRegistryGrain>(IConsensusRegistryGrain.DefaultKey).ListRegistrationsAsync();
        foreach (var r in registrations)
        {
            _nodeByKey[new ValidatorKey(r.PublicKey)] = r.NodeName;
        }

        _recipientsHeight = -1;
    }

    public async Task SendAsync(ValidatorNode node, EngineOutput output)
    {
        HashSet<long>? announced = null;
        foreach (var outgoing in output.Messages)
        {
            var message = outgoing.Message;
            if (outgoing.Recipient is null && message is NewBlockMessage newBlock)
            {
                // The commit report below carries the block to the round grain, which announces it: sending the
                // NEW-BLOCK as a multicast too would deliver the whole block to the round grain twice.
                (announced ??= []).Add(newBlock.Height);
                continue;
            }

            var envelope = new ConsensusEnvelope
            {
                Height = message.Height,
                Kind = message is NewBlockMessage ? ConsensusMessageCodec.KindNewBlock : (byte)message.SignedPart!.Type,
                Bytes = ConsensusMessageCodec.Encode(message),
            };
            if (outgoing.Recipient is { } recipient)
            {
                if (NodeOf(recipient) is { } target)
                {
                    await grains.GetGrain<IValidatorGrain>(target).PushAsync(envelope);
                }
            }
            else
            {
                var recipients = await RecipientsAsync(node);
                await grains.GetGrain<IConsensusRoundGrain>(message.Height).PublishAsync(envelope, nodeName, recipients);
            }
        }

        foreach (var committed in output.Committed)
        {
            // Not awaited: the round grain verifies, persists and emits the receipt while this validator
            // already works on the next height (its engine has moved on; nothing it does waits for the record).
            var height = committed.Block.Height;
            var validators = ConsensusViews.Validators(node.Engine.Validators.SetFor(height).Validators, NodeOf);
            var recipients = announced?.Contains(height) == true ? await RecipientsAsync(node) : [];
            _ = ReportCommitAsync(height, committed.Block.Encode(), committed.Certificate.Encode(), validators, recipients);
        }

        foreach (var evidence in output.Evidence)
        {
            await grains.GetGrain<IConsensusRoundGrain>(evidence.Height).RecordEvidenceAsync(evidence.Encode());
        }
    }

    private async Task ReportCommitAsync(long height, byte[] block, byte[] certificate, IReadOnlyList<ValidatorInfo> validators, IReadOnlyList<string> recipients)
    {
        try
        {
            await grains.GetGrain<IConsensusRoundGrain>(height).ReportCommitAsync(block, certificate, validators, nodeName, recipients);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // Every committing validator records the block; one failure loses nothing while another succeeds.
            onRecordFailed(height, e);
        }
    }

    /// <summary>Certified blocks recorded from <paramref name="height"/> on, in order, until the first undecided height (<see cref="CommittedChainLoader"/>).</summary>
    public Task<List<CommittedBlock>> CommittedFromAsync(long height) =>
        CommittedChainLoader.LoadAsync(h => grains.GetGrain<IConsensusRoundGrain>(h).GetBlockAsync(), height);

    /// <summary>Messages the round grain of <paramref name="height"/> collected.</summary>
    public Task<IReadOnlyList<ConsensusEnvelope>> CollectedAsync(long height) =>
        grains.GetGrain<IConsensusRoundGrain>(height).GetMessagesAsync();

    public ConsensusStatus Status(ValidatorNode node)
    {
        var engine = node.Engine;
        var tip = engine.Chain.Count == 0 ? null : engine.Chain[^1];
        return new ConsensusStatus
        {
            ReportedBy = nodeName,
            Height = engine.Height,
            Round = engine.Round,
            Idle = engine.IsIdle,
            Validators = ConsensusViews.Validators(engine.CurrentValidators.Validators, NodeOf),
            ScheduledValidators = ConsensusViews.Validators(engine.Validators.Scheduled.OrderBy(v => v.Key), NodeOf),
            LastCertificate = tip is null ? null : ConsensusViews.Certificate(tip.Certificate, engine.Validators.SetFor(tip.Block.Height), NodeOf),
            PendingDecisions = node.PendingCount,
            Rejections = new Dictionary<string, long>(node.Rejections, StringComparer.Ordinal),
            EvidenceCount = node.EvidenceCount,
        };
    }

    /// <summary>Nodes of the validators that must hear a multicast: the current set and every scheduled member.</summary>
    private async Task<IReadOnlyList<string>> RecipientsAsync(ValidatorNode node)
    {
        var engine = node.Engine;
        if (_recipientsHeight == engine.Height)
        {
            return _recipients;
        }

        var keys = engine.CurrentValidators.Validators.Select(v => v.Key).Concat(engine.Validators.Scheduled.Select(v => v.Key)).Distinct().ToList();
        if (keys.Any(k => NodeOf(k) is null))
        {
            await RefreshDirectoryAsync();
        }

        _recipients = keys.Select(NodeOf).OfType<string>().Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        _recipientsHeight = engine.Height;
        return _recipients;
    }
}
