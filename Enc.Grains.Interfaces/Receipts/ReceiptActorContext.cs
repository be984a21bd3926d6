namespace Enc.Grains.Interfaces.Receipts;

/// <summary>
/// Carries the identity that caused an operation to the grain that records its receipt. Clients put it in
/// the Orleans request context (<see cref="Set"/>); grains read it with <see cref="Current"/> and fall back to
/// their own node. The value is recorded as the receipt's <c>actor</c>.
/// </summary>
public static class ReceiptActorContext
{
    /// <summary>Request-context key of the actor.</summary>
    public const string Key = "enc.actor";

    /// <summary>Sets the actor for calls made from this async flow.</summary>
    public static void Set(string actor)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(actor);
        RequestContext.Set(Key, actor);
    }

    /// <summary>The actor of the current call, or null when none was set.</summary>
    public static string? Current => RequestContext.Get(Key) as string is { Length: > 0 and <= 1024 } actor ? actor : null;
}
