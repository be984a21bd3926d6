namespace Enc.Ledger.Storage;

/// <summary>A node key the ledger accepts signatures from, registered with a proof of possession.</summary>
public sealed class SignerRegistration
{
    /// <summary>The BLS public key (48 bytes).</summary>
    public required byte[] PublicKey { get; init; }

    /// <summary>The node that owns the key.</summary>
    public required string NodeId { get; init; }

    /// <summary>The proof of possession that was verified at registration (96 bytes).</summary>
    public required byte[] ProofOfPossession { get; init; }

    /// <summary>When the key was registered, Unix milliseconds.</summary>
    public required long RegisteredAtMilliseconds { get; init; }
}
