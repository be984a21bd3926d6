using Enc.Consensus.Blocks;
using Enc.Consensus.Primitives;

namespace Enc.Consensus.Messages;

/// <summary>
/// The canonical wire encoding of every <see cref="ConsensusMessage"/>, used by transports (the
/// Orleans validator grains) to carry messages as bytes: the engine's types stay free of any
/// serializer, and what travels is exactly what a ledger or an auditor can decode again.
/// </summary>
/// <remarks>
/// <c>"ENC-QBFT-MSG-V1" || kind:u8 || body</c>, kind 1 Proposal, 2 Prepare, 3 Commit, 4 RoundChange,
/// 5 NewBlock. Bodies: Proposal = payload, bytes(block), u32 n, n payloads (ROUND-CHANGE
/// justification), u32 m, m payloads (PREPARE justification); Prepare/Commit = payload;
/// RoundChange = payload, u8 hasBlock, [bytes(block)], u32 m, m payloads; NewBlock = bytes(block),
/// bytes(certificate). Payloads use <see cref="SignedPayload.WriteTo"/>. Decoding checks structure
/// only; signatures and protocol rules are the engine's to check.
/// </remarks>
public static class ConsensusMessageCodec
{
    /// <summary>Most payloads one justification list may carry.</summary>
    public const int MaxJustification = 4096;

    private const int KindProposal = 1;
    private const int KindPrepare = 2;
    private const int KindCommit = 3;
    private const int KindRoundChange = 4;
    /// <summary>Kind byte of a NEW-BLOCK message (also the envelope kind the round grain routes by).</summary>
    public const byte KindNewBlock = 5;
    private const int MaxBlockBytes = 1 << 30;

    /// <summary>Encodes <paramref name="message"/>.</summary>
    /// <exception cref="ArgumentException">The message type is unknown.</exception>
    public static byte[] Encode(ConsensusMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        if (message is NewBlockMessage newBlock)
        {
            return EncodeNewBlock(newBlock.Committed.Block.Encode(), newBlock.Committed.Certificate.Encode());
        }

        var writer = new CanonicalWriter(EstimateSize(message));
        writer.WriteRaw("ENC-QBFT-MSG-V1"u8);
        switch (message)
        {
            case ProposalMessage p:
                writer.WriteByte(KindProposal);
                p.Payload.WriteTo(writer);
                writer.WriteBytes(p.Block.Encode());
                WritePayloads(writer, p.RoundChanges);
                WritePayloads(writer, p.Prepares);
                break;
            case PrepareMessage p:
                writer.WriteByte(KindPrepare);
                p.Payload.WriteTo(writer);
                break;
            case CommitMessage c:
                writer.WriteByte(KindCommit);
                c.Payload.WriteTo(writer);
                break;
            case RoundChangeMessage r:
                writer.WriteByte(KindRoundChange);
                r.Payload.WriteTo(writer);
                writer.WriteByte(r.PreparedBlock is null ? (byte)0 : (byte)1);
                if (r.PreparedBlock is not null)
                {
                    writer.WriteBytes(r.PreparedBlock.Encode());
                }

                WritePayloads(writer, r.Prepares);
                break;
            default:
                throw new ArgumentException($"Unknown consensus message type {message.GetType().Name}.", nameof(message));
        }

        return writer.ToArray();
    }

    /// <summary>
    /// The NEW-BLOCK message of an already encoded block and certificate (what <see cref="Encode"/> writes for a
    /// <see cref="NewBlockMessage"/>), without decoding them: the round grain forwards a reported commit this way.
    /// </summary>
    public static byte[] EncodeNewBlock(ReadOnlySpan<byte> encodedBlock, ReadOnlySpan<byte> encodedCertificate) =>
        new CanonicalWriter(32 + encodedBlock.Length + encodedCertificate.Length)
            .WriteRaw("ENC-QBFT-MSG-V1"u8)
            .WriteByte(KindNewBlock)
            .WriteBytes(encodedBlock)
            .WriteBytes(encodedCertificate)
            .ToArray();

    /// <summary>Decodes bytes written by <see cref="Encode"/>.</summary>
    /// <exception cref="FormatException">The bytes are not a well-formed message; the text names the field.</exception>
    public static ConsensusMessage Decode(ReadOnlySpan<byte> encoded)
    {
        var reader = new CanonicalReader(encoded);
        if (!reader.ReadRaw(15, "message.tag").SequenceEqual("ENC-QBFT-MSG-V1"u8))
        {
            throw new FormatException("Field 'message.tag' is not ENC-QBFT-MSG-V1.");
        }

        var kind = reader.ReadByte("message.kind");
        ConsensusMessage message = kind switch
        {
            KindProposal => new ProposalMessage(
                SignedPayload.ReadFrom(ref reader),
                ConsensusBlock.Decode(reader.ReadBytes("proposal.block", MaxBlockBytes)),
                ReadPayloads(ref reader, "proposal.roundChanges"),
                ReadPayloads(ref reader, "proposal.prepares")),
            KindPrepare => new PrepareMessage(SignedPayload.ReadFrom(ref reader)),
            KindCommit => new CommitMessage(SignedPayload.ReadFrom(ref reader)),
            KindRoundChange => ReadRoundChange(ref reader),
            KindNewBlock => new NewBlockMessage(new CommittedBlock(
                ConsensusBlock.Decode(reader.ReadBytes("newBlock.block", MaxBlockBytes)),
                CommitCertificate.Decode(reader.ReadBytes("newBlock.certificate", 1 << 20)))),
            _ => throw new FormatException($"Field 'message.kind' has unknown value {kind}."),
        };
        reader.EnsureEnd("consensus message");
        return message;
    }

    private static RoundChangeMessage ReadRoundChange(ref CanonicalReader reader)
    {
        var payload = SignedPayload.ReadFrom(ref reader);
        var hasBlock = reader.ReadByte("roundChange.hasBlock");
        if (hasBlock > 1)
        {
            throw new FormatException($"Field 'roundChange.hasBlock' has value {hasBlock}; 0 or 1 expected.");
        }

        var block = hasBlock == 1 ? ConsensusBlock.Decode(reader.ReadBytes("roundChange.preparedBlock", MaxBlockBytes)) : null;
        return new RoundChangeMessage(payload, block, ReadPayloads(ref reader, "roundChange.prepares"));
    }

    private static void WritePayloads(CanonicalWriter writer, IReadOnlyList<SignedPayload> payloads)
    {
        writer.WriteUInt32((uint)payloads.Count);
        foreach (var payload in payloads)
        {
            payload.WriteTo(writer);
        }
    }

    private static List<SignedPayload> ReadPayloads(ref CanonicalReader reader, string field)
    {
        var count = reader.ReadUInt32(field + ".count");
        if (count > MaxJustification)
        {
            throw new FormatException($"Field '{field}.count' is {count}; the limit is {MaxJustification}.");
        }

        var payloads = new List<SignedPayload>((int)count);
        for (var i = 0; i < count; i++)
        {
            payloads.Add(SignedPayload.ReadFrom(ref reader));
        }

        return payloads;
    }

    private static int EstimateSize(ConsensusMessage message) => message switch
    {
        ProposalMessage p => 512 + p.Block.Encode().Length + ((p.RoundChanges.Count + p.Prepares.Count) * 220),
        RoundChangeMessage r => 512 + (r.PreparedBlock?.Encode().Length ?? 0) + (r.Prepares.Count * 220),
        _ => 256,
    };
}
