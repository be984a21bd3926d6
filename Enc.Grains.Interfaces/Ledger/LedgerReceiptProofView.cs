namespace Enc.Grains.Interfaces.Ledger;

/// <summary>One receipt with everything needed to verify it offline (see <c>docs/receipts.md</c> §3–4).</summary>
[GenerateSerializer, Immutable]
[Alias("Enc.Ledger.LedgerReceiptProofView")]
public sealed record LedgerReceiptProofView
{
    /// <summary>The receipt's canonical encoding.</summary>
    [Id(0)] public required byte[] Encoding { get; init; }

    /// <summary>The batch signer's public key.</summary>
    [Id(1)] public required byte[] BatchSignerPublicKey { get; init; }

    /// <summary>Receipts in the batch.</summary>
    [Id(2)] public required long BatchSize { get; init; }

    /// <summary>The receipt's index in its batch.</summary>
    [Id(3)] public required long BatchIndex { get; init; }

    /// <summary>Audit path in the batch tree.</summary>
    [Id(4)] public required IReadOnlyList<byte[]> BatchPath { get; init; }

    /// <summary>The batch signature.</summary>
    [Id(5)] public required byte[] BatchSignature { get; init; }

    /// <summary>Position in the ledger.</summary>
    [Id(6)] public required long Position { get; init; }

    /// <summary>Audit path in the ledger tree of <see cref="Checkpoint"/>'s size.</summary>
    [Id(7)] public required IReadOnlyList<byte[]> LedgerPath { get; init; }

    /// <summary>The signed head the ledger path leads to.</summary>
    [Id(8)] public required LedgerCheckpointView Checkpoint { get; init; }
}
