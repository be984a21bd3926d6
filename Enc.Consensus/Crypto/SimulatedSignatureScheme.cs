using System.Collections.Concurrent;
using System.Security.Cryptography;
using Enc.Consensus.Validators;

namespace Enc.Consensus.Crypto;

/// <summary>
/// A fast STAND-IN for BLS used only by the simulation harness and tests: a signature is
/// HMAC-SHA256 under a per-validator secret, an aggregate is the XOR of signatures, and the
/// verifier knows every registered secret. It is unforgeable for parties without the secret
/// (which is all the simulation needs) but is NOT publicly verifiable and must never run in
/// production; real deployments use <see cref="BlsConsensusVerifier"/> and <see cref="BlsConsensusSigner"/>.
/// </summary>
public sealed class SimulatedSignatureScheme : IConsensusVerifier
{
    private const int SignatureLength = 32;
    private readonly ConcurrentDictionary<ValidatorKey, byte[]> _secrets = new();

    /// <inheritdoc />
    public string SchemeName => "simulated-hmac-sha256 (test stand-in)";

    /// <summary>Creates a signer whose secret derives from <paramref name="seed"/> and registers its key.</summary>
    public IConsensusSigner CreateSigner(string seed)
    {
        var secret = SHA256.HashData(System.Text.Encoding.UTF8.GetBytes("enc-sim-secret:" + seed));
        var key = new ValidatorKey(SHA256.HashData(secret));
        _secrets[key] = secret;
        return new Signer(key, secret);
    }

    /// <summary>A proof of possession for a signer created by this scheme.</summary>
    public byte[] ProofOfPossession(IConsensusSigner signer) => signer.Sign(PopMessage(signer.PublicKey));

    /// <inheritdoc />
    public bool Verify(ValidatorKey signer, ReadOnlySpan<byte> message, ReadOnlySpan<byte> signature)
    {
        if (signature.Length != SignatureLength || !_secrets.TryGetValue(signer, out var secret))
        {
            return false;
        }

        Span<byte> expected = stackalloc byte[SignatureLength];
        HMACSHA256.HashData(secret, message, expected);
        return CryptographicOperations.FixedTimeEquals(expected, signature);
    }

    /// <inheritdoc />
    public byte[] Aggregate(IReadOnlyList<byte[]> signatures)
    {
        if (signatures.Count == 0)
        {
            throw new ArgumentException("Nothing to aggregate.", nameof(signatures));
        }

        var aggregate = new byte[SignatureLength];
        foreach (var signature in signatures)
        {
            if (signature.Length != SignatureLength)
            {
                throw new ArgumentException($"A simulated signature is {SignatureLength} bytes.", nameof(signatures));
            }

            for (var i = 0; i < SignatureLength; i++)
            {
                aggregate[i] ^= signature[i];
            }
        }

        return aggregate;
    }

    /// <inheritdoc />
    public bool FastAggregateVerify(IReadOnlyList<ValidatorKey> signers, ReadOnlySpan<byte> message, ReadOnlySpan<byte> aggregateSignature)
    {
        if (signers.Count == 0 || aggregateSignature.Length != SignatureLength || signers.Distinct().Count() != signers.Count)
        {
            return false;
        }

        Span<byte> expected = stackalloc byte[SignatureLength];
        Span<byte> one = stackalloc byte[SignatureLength];
        expected.Clear();
        foreach (var signer in signers)
        {
            if (!_secrets.TryGetValue(signer, out var secret))
            {
                return false;
            }

            HMACSHA256.HashData(secret, message, one);
            for (var i = 0; i < SignatureLength; i++)
            {
                expected[i] ^= one[i];
            }
        }

        return CryptographicOperations.FixedTimeEquals(expected, aggregateSignature);
    }

    /// <inheritdoc />
    public bool VerifyProofOfPossession(ValidatorKey key, ReadOnlySpan<byte> proof) => Verify(key, PopMessage(key), proof);

    private static byte[] PopMessage(ValidatorKey key) => [.. "ENC-SIM-POP"u8, .. key.Bytes];

    private sealed class Signer(ValidatorKey key, byte[] secret) : IConsensusSigner
    {
        public ValidatorKey PublicKey => key;

        public byte[] Sign(ReadOnlySpan<byte> message) => HMACSHA256.HashData(secret, message);
    }
}
