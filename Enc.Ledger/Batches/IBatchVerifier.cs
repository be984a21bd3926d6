namespace Enc.Ledger.Batches;

/// <summary>Checks ledger signatures and key registrations. Implementations return false, never throw, for bad input.</summary>
public interface IBatchVerifier
{
    /// <summary>True when <paramref name="signature"/> is <paramref name="publicKey"/>'s signature of <paramref name="message"/>.</summary>
    bool Verify(ReadOnlySpan<byte> publicKey, ReadOnlySpan<byte> message, ReadOnlySpan<byte> signature);

    /// <summary>True when <paramref name="proof"/> proves possession of <paramref name="publicKey"/>'s secret key.</summary>
    bool VerifyPossession(ReadOnlySpan<byte> publicKey, ReadOnlySpan<byte> proof);
}
