namespace Enc.Scheduling.Binding;

/// <summary>The answer of <see cref="IBindingTarget.TryBind"/>.</summary>
/// <param name="Bound">True when the reservation was made.</param>
/// <param name="LiveAllocated">The node's allocation after the call (for refreshing a stale view).</param>
/// <param name="Conflict">Why it was refused; empty when bound.</param>
public readonly record struct BindingResult(bool Bound, ResourceVector LiveAllocated, string Conflict);
