namespace Enc.Ledger.Receipts;

/// <summary>
/// The fields of a canonical receipt encoding that the ledger checks on every append and audit, read by
/// <see cref="ReceiptEncoding.Parse"/> without copying: the hashes and the signer key are views into
/// <see cref="Encoding"/>. Only the subject is materialized (the ledger keys chains and rows by it).
/// </summary>
public readonly struct ReceiptFields
{
    internal ReceiptFields(byte[] encoding, Guid id, ReceiptKind kind, string subject)
    {
        Encoding = encoding;
        Id = id;
        Kind = kind;
        Subject = subject;
    }

    /// <summary>The canonical encoding these fields were read from.</summary>
    public byte[] Encoding { get; }

    /// <summary>The receipt id.</summary>
    public Guid Id { get; }

    /// <summary>What happened.</summary>
    public ReceiptKind Kind { get; }

    /// <summary>The subject.</summary>
    public string Subject { get; }

    /// <summary>Hash of the previous receipt on the subject (32 bytes; zeros for the first).</summary>
    public ReadOnlySpan<byte> PreviousHash => Encoding.AsSpan(67, ReceiptEncoding.HashSize);

    /// <summary>The signing node's public key (48 bytes).</summary>
    public ReadOnlySpan<byte> SignerPublicKey => Encoding.AsSpan(99, ReceiptEncoding.PublicKeySize);
}
