namespace Enc.Ledger.Tests.Infrastructure;

/// <summary>A hand-driven clock for tests (fake: time is whatever the test sets).</summary>
internal sealed class ManualTimeProvider(DateTimeOffset start) : TimeProvider
{
    public DateTimeOffset Now { get; set; } = start;

    public override DateTimeOffset GetUtcNow() => Now;

    public void Advance(TimeSpan by) => Now += by;
}
