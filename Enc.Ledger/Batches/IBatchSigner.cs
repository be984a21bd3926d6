namespace Enc.Ledger.Batches;

/// <summary>Signs ledger messages (receipt batches, checkpoints) with one node's key.</summary>
public interface IBatchSigner
{
    /// <summary>The signer's public key (compressed BLS12-381 G1, 48 bytes).</summary>
    byte[] PublicKey { get; }

    /// <summary>Signs <paramref name="message"/>; returns the signature (compressed G2, 96 bytes).</summary>
    byte[] Sign(ReadOnlySpan<byte> message);

    /// <summary>A proof of possession of the secret key (for signer registration; 96 bytes).</summary>
    byte[] ProvePossession();
}
