namespace Enc.Ledger.Batches;

/// <summary>
/// A signed tree head: the ledger had <see cref="Size"/> entries with head <see cref="Root"/> at
/// <see cref="TimestampMilliseconds"/>, says the holder of <see cref="SignerPublicKey"/>. The signature covers
/// <see cref="LedgerSigningMessages.Checkpoint"/>, so size and root are bound together.
/// </summary>
public sealed class SignedCheckpoint
{
    /// <summary>Number of ledger entries.</summary>
    public required long Size { get; init; }

    /// <summary>RFC 9162 tree head of the first <see cref="Size"/> entries (32 bytes).</summary>
    public required byte[] Root { get; init; }

    /// <summary>When the head was signed, Unix milliseconds.</summary>
    public required long TimestampMilliseconds { get; init; }

    /// <summary>The signer's public key (48 bytes).</summary>
    public required byte[] SignerPublicKey { get; init; }

    /// <summary>BLS signature over the checkpoint message (96 bytes).</summary>
    public required byte[] Signature { get; init; }

    /// <summary>Signs the head (<paramref name="size"/>, <paramref name="root"/>) at <paramref name="timestampMilliseconds"/>.</summary>
    public static SignedCheckpoint Sign(IBatchSigner signer, long size, byte[] root, long timestampMilliseconds)
    {
        ArgumentNullException.ThrowIfNull(signer);
        return new SignedCheckpoint
        {
            Size = size,
            Root = root,
            TimestampMilliseconds = timestampMilliseconds,
            SignerPublicKey = signer.PublicKey,
            Signature = signer.Sign(LedgerSigningMessages.Checkpoint(size, root, timestampMilliseconds)),
        };
    }

    /// <summary>True when the signature is valid for the signer key (whether that key is trusted is the caller's decision).</summary>
    public bool HasValidSignature(IBatchVerifier verifier)
    {
        ArgumentNullException.ThrowIfNull(verifier);
        return Size >= 0 && Root is { Length: 32 }
            && verifier.Verify(SignerPublicKey, LedgerSigningMessages.Checkpoint(Size, Root, TimestampMilliseconds), Signature);
    }

    /// <inheritdoc />
    public override string ToString() => $"size {Size} root {Convert.ToHexStringLower(Root)} at {DateTimeOffset.FromUnixTimeMilliseconds(TimestampMilliseconds):O}";
}
