namespace Enc.Agent.Lifecycle;

/// <summary>What to do after an instance exited.</summary>
/// <param name="Restart">True to start it again.</param>
/// <param name="Delay">Backoff before the restart (zero when not restarting).</param>
/// <param name="NotBefore">Earliest time of the restart.</param>
public sealed record RestartDecision(bool Restart, TimeSpan Delay, DateTimeOffset NotBefore);
