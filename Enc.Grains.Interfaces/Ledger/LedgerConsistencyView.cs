namespace Enc.Grains.Interfaces.Ledger;

/// <summary>An RFC 9162 consistency proof between two ledger sizes, with the roots it connects.</summary>
[GenerateSerializer, Immutable]
[Alias("Enc.Ledger.LedgerConsistencyView")]
public sealed record LedgerConsistencyView
{
    /// <summary>The older size.</summary>
    [Id(0)] public required long FromSize { get; init; }

    /// <summary>The newer size.</summary>
    [Id(1)] public required long ToSize { get; init; }

    /// <summary>Tree head at <see cref="FromSize"/>.</summary>
    [Id(2)] public required byte[] FromRoot { get; init; }

    /// <summary>Tree head at <see cref="ToSize"/>.</summary>
    [Id(3)] public required byte[] ToRoot { get; init; }

    /// <summary>The proof's node hashes.</summary>
    [Id(4)] public required IReadOnlyList<byte[]> Proof { get; init; }
}
