using Enc.Consensus.Messages;

namespace Enc.Consensus.Engine;

/// <summary>An incoming message the engine dropped, and why (a <see cref="RejectionReasons"/> constant).</summary>
/// <param name="Message">The dropped message.</param>
/// <param name="Reason">The rejection reason.</param>
/// <param name="Detail">Human-readable detail.</param>
public sealed record RejectedMessage(ConsensusMessage Message, string Reason, string Detail);
