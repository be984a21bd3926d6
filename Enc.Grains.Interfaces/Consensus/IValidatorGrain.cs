using Enc.Grains.Interfaces.Nodes.Placement;
using Orleans.Concurrency;

namespace Enc.Grains.Interfaces.Consensus;

/// <summary>
/// A node's consensus validator: keyed by node name and activated on that node's own silo
/// (<see cref="NodeSiloPlacementStrategy"/>), where the node's BLS key is. It runs the node's QBFT
/// engine and only carries messages and timers to and from it.
/// </summary>
[Alias("Enc.Consensus.IValidatorGrain")]
public interface IValidatorGrain : IGrainWithStringKey
{
    /// <summary>Registers the node's key and starts the engine once the genesis set is known; called by the silo at start.</summary>
    [Alias("Start")]
    Task StartAsync();

    /// <summary>Delivers one consensus message to the engine.</summary>
    [Alias("Deliver")]
    Task DeliverAsync(ConsensusEnvelope envelope);

    /// <summary>Delivers one consensus message without waiting (the transport's multicast path).</summary>
    [Alias("Push")]
    [OneWay]
    Task PushAsync(ConsensusEnvelope envelope);

    /// <summary>
    /// Adds decisions to this validator's pending pool (the proposer batches them). One-way: the
    /// registry fans submissions out, and a validator may itself be the submitter (its node's inventory).
    /// </summary>
    [Alias("Submit")]
    [OneWay]
    Task SubmitAsync(IReadOnlyList<ConsensusDecisionData> decisions);

    /// <summary>This validator's view: height, round, validators, last certificate, rejections.</summary>
    [Alias("GetStatus")]
    [ReadOnly]
    Task<ConsensusStatus?> GetStatusAsync();
}
