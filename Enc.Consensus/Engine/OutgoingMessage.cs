using Enc.Consensus.Messages;
using Enc.Consensus.Validators;

namespace Enc.Consensus.Engine;

/// <summary>A message the engine asks its transport to send.</summary>
/// <param name="Recipient">The one recipient, or null to multicast to every validator of the message's height (and observers).</param>
/// <param name="Message">The message.</param>
public sealed record OutgoingMessage(ValidatorKey? Recipient, ConsensusMessage Message);
