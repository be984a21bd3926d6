namespace Enc.Client.Consensus;

/// <summary>Outcome of verifying a block's commit certificate.</summary>
/// <param name="IsValid">True when the certificate proves the block's commit.</param>
/// <param name="Error">Why it does not (null when valid).</param>
public sealed record CertificateVerification(bool IsValid, string? Error)
{
    /// <summary>A valid certificate.</summary>
    public static CertificateVerification Valid { get; } = new(true, null);

    /// <summary>An invalid certificate, for <paramref name="error"/>.</summary>
    public static CertificateVerification Invalid(string error) => new(false, error);
}
