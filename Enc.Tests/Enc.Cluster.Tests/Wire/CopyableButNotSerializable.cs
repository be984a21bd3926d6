namespace Enc.Cluster.Tests.Wire;

/// <summary>
/// A value Orleans can copy (it is <c>[Immutable]</c>, so copying it is sharing it) but cannot serialize (no
/// codec): it passes the local path and fails only when a call leaves the silo.
/// </summary>
[Immutable]
public sealed class CopyableButNotSerializable(string text)
{
    /// <inheritdoc />
    public override string ToString() => text;
}
