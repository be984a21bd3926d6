using Enc.Consensus.Crypto;
using Enc.Consensus.Engine;
using Enc.Consensus.Messages;
using Enc.Consensus.Validators;
using Enc.Grains.Consensus.Keys;
using Enc.Grains.Consensus.Options;
using Enc.Grains.Consensus.Scheduling;
using Enc.Grains.Hosting;
using Enc.Grains.Interfaces.Consensus;
using Enc.Grains.Interfaces.Nodes;
using Enc.Grains.Interfaces.Nodes.Placement;
using Enc.Grains.Nodes.Options;
using Enc.Grains.Scheduling;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Enc.Grains.Consensus;

/// <summary>
/// A node's validator, on the node's own silo (where its key is): delivers messages and timer
/// ticks to its <see cref="ValidatorNode"/> and carries out the engine's outputs through the
/// <see cref="ValidatorTransport"/>. Away from home (the node's silo is gone) it holds no key and
/// deactivates.
/// </summary>
[NodeSiloPlacement]
public sealed partial class ValidatorGrain : Grain, IValidatorGrain
{
    private readonly IValidatorKeyProvider _keys;
    private readonly EncConsensusOptions _options;
    private readonly long _weight;
    private readonly TimeProvider _time;
    private readonly ILocalSiloDetails _silo;
    private readonly ILogger<ValidatorGrain> _logger;
    private readonly List<ConsensusEnvelope> _early = [];
    private IConsensusSigner? _signer;
    private ValidatorNode? _node;
    private ValidatorTransport? _transport;
    private IGrainTimer? _timer;
    private DateTimeOffset? _timerDue;
    private DateTimeOffset _lastCatchUp;

    /// <summary>Creates the grain.</summary>
    public ValidatorGrain(
        IValidatorKeyProvider keys,
        IOptions<EncConsensusOptions> options,
        IOptions<EncNodeOptions> nodeOptions,
        [FromKeyedServices(EncTimeProviderNames.Consensus)] TimeProvider time,
        ILocalSiloDetails silo,
        ILogger<ValidatorGrain> logger)
    {
        _keys = keys;
        _options = options.Value;
        _weight = nodeOptions.Value.ConsensusWeight;
        _time = time;
        _silo = silo;
        _logger = logger;
    }

    private string NodeName => this.GetPrimaryKeyString();

    private bool AtHome => string.Equals(_silo.Name, NodeName, StringComparison.Ordinal);

    private DateTimeOffset Now => _time.GetUtcNow();

    async Task IValidatorGrain.StartAsync()
    {
        await EnsureStartedAsync();
        await ReportInventoryAsync();
    }

    Task IValidatorGrain.DeliverAsync(ConsensusEnvelope envelope) => ReceiveAsync(envelope);

    Task IValidatorGrain.PushAsync(ConsensusEnvelope envelope) => ReceiveAsync(envelope);

    async Task IValidatorGrain.SubmitAsync(IReadOnlyList<ConsensusDecisionData> decisions)
    {
        await EnsureStartedAsync();
        if (_node is not null)
        {
            await PerformAsync(_node.Submit(decisions.Select(d => new Enc.Consensus.Blocks.Decision(d.Type, d.Payload)), Now));
        }
    }

    Task<ConsensusStatus?> IValidatorGrain.GetStatusAsync() =>
        Task.FromResult(_node is null || _transport is null ? null : _transport.Status(_node));

    /// <summary>Submits this node's scheduling inventory when it differs from the committed one (ConsensusDriven scheduling runs over it).</summary>
    private async Task ReportInventoryAsync()
    {
        if (_node is null || await GrainFactory.GetGrain<INodeGrain>(NodeName).GetAsync() is not { } snapshot
            || snapshot.Status is NodeStatus.Leaving or NodeStatus.Down)
        {
            // A leaving node's silo is shutting down: it starts no new consensus work (a bind on it is refused anyway).
            return;
        }

        var inventory = SchedulingModelMapper.ToNodeInfo(snapshot);
        if (_node.HasCommittedInventory(inventory))
        {
            return;
        }

        var decision = new NodeInventoryDecision(inventory).ToDecision();
        await GrainFactory.GetGrain<IConsensusRegistryGrain>(IConsensusRegistryGrain.DefaultKey)
            .SubmitAsync([new ConsensusDecisionData { Type = decision.Type, Payload = decision.Payload.ToArray() }]);
    }

    private async Task ReceiveAsync(ConsensusEnvelope envelope)
    {
        await EnsureStartedAsync();
        if (_node is null)
        {
            if (AtHome && _early.Count < 10_000)
            {
                _early.Add(envelope);
            }

            return;
        }

        await HandleAsync(envelope);
    }

    private async Task HandleAsync(ConsensusEnvelope envelope)
    {
        var node = _node!;
        if (envelope.Height < node.Engine.Height && envelope.Kind != (byte)MessageType.RoundChange)
        {
            return; // a decided height: only a laggard's ROUND-CHANGE needs an answer
        }

        if (envelope.Height > node.Engine.Height)
        {
            await CatchUpAsync();
        }

        ConsensusMessage message;
        try
        {
            message = ConsensusMessageCodec.Decode(envelope.Bytes);
        }
        catch (FormatException e)
        {
            LogMalformed(NodeName, envelope.Height, e.Message);
            return;
        }

        await PerformAsync(node.Handle(message, Now));
    }

    /// <summary>Adopts blocks other validators committed while this one was away (read from the round grains).</summary>
    private async Task CatchUpAsync()
    {
        if (Now - _lastCatchUp < TimeSpan.FromSeconds(1))
        {
            return;
        }

        _lastCatchUp = Now;
        foreach (var committed in await _transport!.CommittedFromAsync(_node!.Engine.Height))
        {
            await PerformAsync(_node.Handle(new NewBlockMessage(committed), Now));
        }
    }

    private async Task EnsureStartedAsync()
    {
        if (_node is not null || !_options.Enabled)
        {
            return;
        }

        if (!AtHome)
        {
            DeactivateOnIdle();
            return;
        }

        _signer ??= _keys.SignerFor(NodeName) ?? throw new InvalidOperationException($"The key of node {NodeName} is not available on silo {_silo.Name}.");
        var registry = GrainFactory.GetGrain<IConsensusRegistryGrain>(IConsensusRegistryGrain.DefaultKey);
        var genesis = await registry.RegisterValidatorAsync(new ValidatorRegistration
        {
            NodeName = NodeName,
            PublicKey = _signer.PublicKey.Bytes.ToArray(),
            ProofOfPossession = _keys.ProofOfPossession(NodeName),
            Weight = _weight,
        });
        if (genesis is null || _node is not null)
        {
            return; // before genesis the silo's starter calls again; or an interleaved call started it
        }

        var transport = new ValidatorTransport(GrainFactory, NodeName, (height, e) => LogRecordFailed(NodeName, height, e.Message));
        await transport.RefreshDirectoryAsync();
        var chain = await transport.CommittedFromAsync(1);
        var set = new ValidatorSet(genesis.Validators.Select(v => new Validator(ValidatorKey.FromHex(v.PublicKey), v.Weight)));
        var node = new ValidatorNode(_signer, BlsConsensusVerifier.Instance, set, QbftOptions(), chain);
        _transport = transport;
        _node = node;
        LogStarted(NodeName, node.Engine.Height, set.Count);
        await PerformAsync(node.Start(Now));
        var backlog = (await transport.CollectedAsync(node.Engine.Height)).Concat(_early).ToList();
        _early.Clear();
        foreach (var envelope in backlog)
        {
            await HandleAsync(envelope);
        }
    }

    private QbftOptions QbftOptions() => new()
    {
        BaseRoundTimeout = _options.BaseRoundTimeout,
        MaxRoundTimeout = _options.MaxRoundTimeout,
        BlockInterval = _options.BlockInterval,
        MaxDecisionsPerBlock = _options.MaxDecisionsPerBlock,
        ProposeEmptyBlocks = false,
    };

    private async Task PerformAsync(EngineOutput output)
    {
        await _transport!.SendAsync(_node!, output);
        ArmTimer(output.NextTimer);
    }

    private void ArmTimer(DateTimeOffset? due)
    {
        if (due == _timerDue)
        {
            return;
        }

        _timerDue = due;
        if (due is not { } at)
        {
            _timer?.Change(Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
            return;
        }

        var delay = at - Now;
        delay = delay < TimeSpan.Zero ? TimeSpan.Zero : delay;
        if (_timer is null)
        {
            _timer = this.RegisterGrainTimer(OnTimerAsync, new GrainTimerCreationOptions(delay, Timeout.InfiniteTimeSpan) { Interleave = false });
        }
        else
        {
            _timer.Change(delay, Timeout.InfiniteTimeSpan);
        }
    }

    private async Task OnTimerAsync()
    {
        _timerDue = null;
        if (_node is not null)
        {
            await PerformAsync(_node.Tick(Now));
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Validator {Node} started at height {Height} with {Validators} genesis validators")]
    private partial void LogStarted(string node, long height, int validators);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Validator {Node} could not record its commit of height {Height}: {Reason}")]
    private partial void LogRecordFailed(string node, long height, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Validator {Node} dropped a malformed message for height {Height}: {Reason}")]
    private partial void LogMalformed(string node, long height, string reason);
}
