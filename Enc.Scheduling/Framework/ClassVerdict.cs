namespace Enc.Scheduling.Framework;

/// <summary>The verdict of the class filters for one node class, and which plugin rejected it.</summary>
/// <param name="Status">Combined status (the first rejection, or success).</param>
/// <param name="Plugin">Name of the rejecting plugin; empty on success.</param>
public readonly record struct ClassVerdict(FilterStatus Status, string Plugin);
