namespace Enc.Ledger.Service;

/// <summary>Outcome of <see cref="LedgerService.RegisterSignerAsync"/>.</summary>
/// <param name="Accepted">True when the key is registered (now or before).</param>
/// <param name="Reason">For refusals: a <see cref="LedgerRejectionReasons"/> constant.</param>
public sealed record SignerRegistrationResult(bool Accepted, string? Reason = null);
