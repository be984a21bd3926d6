using Enc.Consensus.Messages;

namespace Enc.Consensus.Simulation;

/// <summary>A queued delivery (<see cref="Message"/> set) or timer (<see cref="Message"/> null) for one endpoint.</summary>
/// <param name="Endpoint">The engine instance it is for.</param>
/// <param name="Message">The message to deliver, or null for a timer.</param>
/// <param name="TimerDueMs">For timers: the due time the engine asked for.</param>
public sealed record SimulationEvent(int Endpoint, ConsensusMessage? Message, long TimerDueMs);
