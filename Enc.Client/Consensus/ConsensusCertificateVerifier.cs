using Enc.Consensus.Blocks;
using Enc.Consensus.Crypto;
using Enc.Consensus.Validators;
using Enc.Grains.Interfaces.Consensus;

namespace Enc.Client.Consensus;

/// <summary>
/// Verifies a committed block offline, from its bytes alone: the certificate names this block
/// (SHA-256 of the canonical block), the given validators hash to the block's validator-set hash,
/// the signers carry more than two thirds of the weight, and the aggregate BLS signature passes
/// FastAggregateVerify over the commit-seal message with the signers' public keys.
/// </summary>
public static class ConsensusCertificateVerifier
{
    /// <summary>Verifies a block fetched with <c>EncClient.Consensus.GetBlockAsync</c>.</summary>
    public static CertificateVerification Verify(ConsensusBlockRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        return Verify(record.EncodedBlock, record.Certificate.Encoded, record.Validators);
    }

    /// <summary>
    /// Verifies <paramref name="encodedCertificate"/> (<c>ENC-CERT-V1</c>) for <paramref name="encodedBlock"/>
    /// (<c>ENC-BLOCK-V1</c>) against the validators of the block's height (public keys in hex with weights).
    /// </summary>
    public static CertificateVerification Verify(byte[] encodedBlock, byte[] encodedCertificate, IReadOnlyList<ValidatorInfo> validators)
    {
        ArgumentNullException.ThrowIfNull(encodedBlock);
        ArgumentNullException.ThrowIfNull(encodedCertificate);
        ArgumentNullException.ThrowIfNull(validators);
        ConsensusBlock block;
        CommitCertificate certificate;
        ValidatorSet set;
        try
        {
            block = ConsensusBlock.Decode(encodedBlock);
            certificate = CommitCertificate.Decode(encodedCertificate);
            set = new ValidatorSet(validators.Select(v => new Validator(ValidatorKey.FromHex(v.PublicKey), v.Weight)));
        }
        catch (Exception e) when (e is FormatException or ArgumentException)
        {
            return CertificateVerification.Invalid(e.Message);
        }

        if (certificate.BlockHash != block.Hash || certificate.Height != block.Height)
        {
            return CertificateVerification.Invalid($"certificate is for block {certificate.BlockHash} at height {certificate.Height}, not {block.Hash} at {block.Height}");
        }

        if (set.Hash != block.ValidatorSetHash)
        {
            return CertificateVerification.Invalid($"the validators hash to {set.Hash}; the block names validator set {block.ValidatorSetHash}");
        }

        var error = certificate.Verify(set, BlsConsensusVerifier.Instance);
        return error is null ? CertificateVerification.Valid : CertificateVerification.Invalid(error);
    }
}
