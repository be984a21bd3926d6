using Enc.Consensus.Crypto;
using Enc.Consensus.Messages;
using Enc.Consensus.Primitives;
using Enc.Consensus.Validators;

namespace Enc.Consensus.Blocks;

/// <summary>
/// Proof that a block was committed: the aggregate of the committing validators' COMMIT
/// signatures (the commit seals) over <c>SignedPayload.SigningBytes(Commit, height, round, blockHash)</c>
/// and a bitmap of who signed, indexed by canonical position in the height's validator set
/// (bit i = byte i/8, bit i%8, least significant first).
/// </summary>
public sealed class CommitCertificate
{
    /// <summary>Creates a certificate.</summary>
    public CommitCertificate(long height, int round, Hash256 blockHash, Hash256 validatorSetHash, byte[] signerBitmap, byte[] aggregateSignature)
    {
        Height = height;
        Round = round;
        BlockHash = blockHash;
        ValidatorSetHash = validatorSetHash;
        SignerBitmap = signerBitmap;
        AggregateSignature = aggregateSignature;
    }

    /// <summary>Height of the certified block.</summary>
    public long Height { get; }

    /// <summary>Round in which the block was committed (all seals are from this round).</summary>
    public int Round { get; }

    /// <summary>Hash of the certified block.</summary>
    public Hash256 BlockHash { get; }

    /// <summary>Hash of the validator set that signed (must match the block's).</summary>
    public Hash256 ValidatorSetHash { get; }

    /// <summary>Which validators' seals are aggregated.</summary>
    public byte[] SignerBitmap { get; }

    /// <summary>The aggregate signature.</summary>
    public byte[] AggregateSignature { get; }

    /// <summary>The message every seal signs.</summary>
    public byte[] SealMessage() => SignedPayload.SigningBytes(MessageType.Commit, Height, Round, BlockHash, -1);

    /// <summary>Builds the bitmap for <paramref name="signers"/> in <paramref name="set"/>.</summary>
    public static byte[] BitmapFor(ValidatorSet set, IEnumerable<ValidatorKey> signers)
    {
        var bitmap = new byte[(set.Count + 7) / 8];
        foreach (var key in signers)
        {
            var i = set.IndexOf(key);
            if (i < 0)
            {
                throw new ArgumentException($"{key} is not in the validator set.", nameof(signers));
            }

            bitmap[i / 8] |= (byte)(1 << (i % 8));
        }

        return bitmap;
    }

    /// <summary>The validators whose bits are set, in canonical order.</summary>
    public IReadOnlyList<ValidatorKey> Signers(ValidatorSet set)
    {
        var keys = new List<ValidatorKey>();
        for (var i = 0; i < set.Count; i++)
        {
            if ((SignerBitmap[i / 8] & (1 << (i % 8))) != 0)
            {
                keys.Add(set.Validators[i].Key);
            }
        }

        return keys;
    }

    /// <summary>
    /// Verifies the certificate offline against the validator set of its height: set hash,
    /// bitmap shape, weighted quorum of signers, and one FastAggregateVerify of the aggregate over
    /// the seal message. Returns null when valid, else the reason.
    /// </summary>
    public string? Verify(ValidatorSet set, IConsensusVerifier verifier)
    {
        if (set.Hash != ValidatorSetHash)
        {
            return $"validator set hash {set.Hash} does not match the certificate's {ValidatorSetHash}";
        }

        if (SignerBitmap.Length != (set.Count + 7) / 8)
        {
            return $"signer bitmap has {SignerBitmap.Length} bytes; {(set.Count + 7) / 8} expected for {set.Count} validators";
        }

        for (var i = set.Count; i < SignerBitmap.Length * 8; i++)
        {
            if ((SignerBitmap[i / 8] & (1 << (i % 8))) != 0)
            {
                return $"signer bitmap sets bit {i} beyond the {set.Count} validators";
            }
        }

        var signers = Signers(set);
        var weight = set.WeightOf(signers);
        if (!set.IsQuorum(weight))
        {
            return $"signers carry weight {weight} of {set.TotalWeight}; more than two thirds is required";
        }

        return verifier.FastAggregateVerify(signers, SealMessage(), AggregateSignature)
            ? null
            : "aggregate signature does not verify";
    }

    /// <summary>Canonical encoding: tag, height, round, block hash, set hash, bitmap, aggregate.</summary>
    public byte[] Encode()
    {
        var writer = new CanonicalWriter(160);
        writer.WriteRaw("ENC-CERT-V1"u8).WriteInt64(Height).WriteInt64(Round).WriteHash(BlockHash).WriteHash(ValidatorSetHash)
            .WriteBytes(SignerBitmap).WriteBytes(AggregateSignature);
        return writer.ToArray();
    }

    /// <summary>Decodes <see cref="Encode"/>'s output.</summary>
    /// <exception cref="FormatException">The bytes are not a certificate encoding.</exception>
    public static CommitCertificate Decode(ReadOnlySpan<byte> encoded)
    {
        var reader = new CanonicalReader(encoded);
        if (!reader.ReadRaw(11, "certificate.tag").SequenceEqual("ENC-CERT-V1"u8))
        {
            throw new FormatException("Field 'certificate.tag' is not ENC-CERT-V1.");
        }

        var height = reader.ReadInt64("certificate.height");
        var round = reader.ReadInt64("certificate.round");
        if (height < 1 || round is < 0 or > int.MaxValue)
        {
            throw new FormatException($"Field 'certificate.height'/'certificate.round' out of range ({height}, {round}).");
        }

        var blockHash = reader.ReadHash("certificate.blockHash");
        var setHash = reader.ReadHash("certificate.validatorSetHash");
        var bitmap = reader.ReadBytes("certificate.signerBitmap", 1 << 16);
        var aggregate = reader.ReadBytes("certificate.aggregateSignature", 1024);
        reader.EnsureEnd("certificate");
        return new CommitCertificate(height, (int)round, blockHash, setHash, bitmap, aggregate);
    }
}
