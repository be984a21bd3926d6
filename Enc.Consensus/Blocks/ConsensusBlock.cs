using Enc.Consensus.Primitives;

namespace Enc.Consensus.Blocks;

/// <summary>
/// A block of decisions proposed for one height. Its <see cref="Hash"/> is SHA-256 over the
/// canonical encoding <c>"ENC-BLOCK-V1" || height || parentHash || validatorSetHash || count || decisions</c>.
/// </summary>
/// <remarks>
/// Unlike QBFT's Ethereum blocks, the ENC block carries neither the round nor the proposer, so a
/// value prepared in round r and re-proposed in a later round (QBFT spec L1
/// <c>isProposalJustification</c>, "replaceRoundInBlock") has the identical hash; the round is
/// bound by the commit seals and the certificate instead.
/// </remarks>
public sealed class ConsensusBlock
{
    /// <summary>Most decisions one block may carry.</summary>
    public const int MaxDecisions = 1 << 20;

    private readonly Decision[] _decisions;
    private byte[]? _encoded;

    /// <summary>Creates a block.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="height"/> is below 1.</exception>
    public ConsensusBlock(long height, Hash256 parentHash, Hash256 validatorSetHash, IEnumerable<Decision> decisions)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(height, 1);
        ArgumentNullException.ThrowIfNull(decisions);
        Height = height;
        ParentHash = parentHash;
        ValidatorSetHash = validatorSetHash;
        _decisions = decisions.ToArray();
        if (_decisions.Length > MaxDecisions)
        {
            throw new ArgumentException($"A block carries at most {MaxDecisions} decisions.", nameof(decisions));
        }

        Hash = Hash256.Compute(Encode());
    }

    /// <summary>Height (1 for the first block after genesis).</summary>
    public long Height { get; }

    /// <summary>Hash of the block committed at <c>Height - 1</c> (<see cref="Hash256.Zero"/> for height 1).</summary>
    public Hash256 ParentHash { get; }

    /// <summary>Hash of the validator set that decides this height.</summary>
    public Hash256 ValidatorSetHash { get; }

    /// <summary>The decisions in proposal order.</summary>
    public IReadOnlyList<Decision> Decisions => _decisions;

    /// <summary>SHA-256 of the canonical encoding.</summary>
    public Hash256 Hash { get; }

    /// <summary>The canonical encoding (cached; callers must not mutate it).</summary>
    public byte[] Encode()
    {
        if (_encoded is not null)
        {
            return _encoded;
        }

        var writer = new CanonicalWriter(64 + (_decisions.Length * 48));
        writer.WriteRaw("ENC-BLOCK-V1"u8).WriteInt64(Height).WriteHash(ParentHash).WriteHash(ValidatorSetHash)
            .WriteUInt32((uint)_decisions.Length);
        foreach (var decision in _decisions)
        {
            decision.WriteTo(writer);
        }

        _encoded = writer.ToArray();
        return _encoded;
    }

    /// <summary>Decodes a block from its canonical encoding.</summary>
    /// <exception cref="FormatException">The bytes are not a canonical block encoding.</exception>
    public static ConsensusBlock Decode(ReadOnlySpan<byte> encoded)
    {
        var reader = new CanonicalReader(encoded);
        if (!reader.ReadRaw(12, "block.tag").SequenceEqual("ENC-BLOCK-V1"u8))
        {
            throw new FormatException("Field 'block.tag' is not ENC-BLOCK-V1.");
        }

        var height = reader.ReadInt64("block.height");
        if (height < 1)
        {
            throw new FormatException($"Field 'block.height' is {height}; heights start at 1.");
        }

        var parent = reader.ReadHash("block.parentHash");
        var set = reader.ReadHash("block.validatorSetHash");
        var count = reader.ReadUInt32("block.decisionCount");
        if (count > MaxDecisions)
        {
            throw new FormatException($"Field 'block.decisionCount' is {count}; the limit is {MaxDecisions}.");
        }

        var decisions = new Decision[count];
        for (var i = 0; i < decisions.Length; i++)
        {
            decisions[i] = Decision.ReadFrom(ref reader);
        }

        reader.EnsureEnd("block");
        return new ConsensusBlock(height, parent, set, decisions);
    }
}
