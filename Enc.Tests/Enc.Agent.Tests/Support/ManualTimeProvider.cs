namespace Enc.Agent.Tests.Support;

/// <summary>A clock the test moves by hand (hand-written fake; nothing else in the agent is faked).</summary>
internal sealed class ManualTimeProvider : TimeProvider
{
    private DateTimeOffset _now = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    public override DateTimeOffset GetUtcNow() => _now;

    public void Advance(TimeSpan by) => _now += by;
}
