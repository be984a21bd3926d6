using Enc.Consensus.Crypto;
using Enc.Consensus.Primitives;
using Enc.Consensus.Validators;

namespace Enc.Consensus.Messages;

/// <summary>
/// The signed part of every QBFT message (QBFT spec L1 <c>UnsignedProposal</c>,
/// <c>UnsignedPrepare</c>, <c>UnsignedCommit</c>, <c>UnsignedRoundChange</c> with their signature).
/// </summary>
/// <remarks>
/// The signing bytes are <c>"ENC-QBFT-V1" || type || height || round || digest || preparedRound</c>
/// and do not contain the sender: every validator voting for the same (type, height, round,
/// digest) signs identical bytes, so a quorum of PREPAREs or COMMITs is verified with one
/// FastAggregateVerify. The COMMIT signature doubles as the commit seal of the QBFT spec
/// (<c>signHash(hashBlockForCommitSeal(block))</c>), so the commit certificate aggregates exactly
/// the COMMIT signatures.
/// </remarks>
public sealed class SignedPayload
{
    private byte[]? _signingBytes;

    /// <summary>Creates a payload; use <see cref="Create"/> to sign a new one.</summary>
    public SignedPayload(MessageType type, long height, int round, Hash256 digest, int preparedRound, ValidatorKey sender, byte[] signature)
    {
        Type = type;
        Height = height;
        Round = round;
        Digest = digest;
        PreparedRound = preparedRound;
        Sender = sender;
        Signature = signature;
    }

    /// <summary>Message type.</summary>
    public MessageType Type { get; }

    /// <summary>Height (block number) the message is about.</summary>
    public long Height { get; }

    /// <summary>Round within the height.</summary>
    public int Round { get; }

    /// <summary>Block hash voted for; for ROUND-CHANGE the prepared block's hash or zero.</summary>
    public Hash256 Digest { get; }

    /// <summary>ROUND-CHANGE only: the round the sender last prepared in, or -1 for none.</summary>
    public int PreparedRound { get; }

    /// <summary>The signer.</summary>
    public ValidatorKey Sender { get; }

    /// <summary>The signature over <see cref="SigningBytes()"/>.</summary>
    public byte[] Signature { get; }

    /// <summary>True for a ROUND-CHANGE that reports a prepared value.</summary>
    public bool HasPreparedValue => Type == MessageType.RoundChange && PreparedRound >= 0;

    /// <summary>The bytes the signature covers.</summary>
    public byte[] SigningBytes() => _signingBytes ??= SigningBytes(Type, Height, Round, Digest, PreparedRound);

    /// <summary>The signing bytes of any payload (also the commit-seal message of a certificate).</summary>
    public static byte[] SigningBytes(MessageType type, long height, int round, Hash256 digest, int preparedRound)
    {
        var writer = new CanonicalWriter(64);
        writer.WriteRaw("ENC-QBFT-V1"u8).WriteByte((byte)type).WriteInt64(height).WriteInt64(round).WriteHash(digest)
            .WriteInt64(type == MessageType.RoundChange ? preparedRound : -1);
        return writer.ToArray();
    }

    /// <summary>Builds and signs a payload with <paramref name="signer"/>.</summary>
    public static SignedPayload Create(IConsensusSigner signer, MessageType type, long height, int round, Hash256 digest, int preparedRound = -1)
    {
        var bytes = SigningBytes(type, height, round, digest, preparedRound);
        return new SignedPayload(type, height, round, digest, preparedRound, signer.PublicKey, signer.Sign(bytes)) { _signingBytes = bytes };
    }

    /// <summary>True when both payloads carry the same signed content (signatures may differ).</summary>
    public bool SameContentAs(SignedPayload other) =>
        Type == other.Type && Height == other.Height && Round == other.Round && Digest == other.Digest
        && PreparedRound == other.PreparedRound && Sender.Equals(other.Sender);

    /// <summary>Writes the canonical encoding (content, sender, signature).</summary>
    public void WriteTo(CanonicalWriter writer) =>
        writer.WriteByte((byte)Type).WriteInt64(Height).WriteInt64(Round).WriteHash(Digest).WriteInt64(PreparedRound)
            .WriteBytes(Sender.Bytes).WriteBytes(Signature);

    /// <summary>Reads a payload written by <see cref="WriteTo"/>.</summary>
    /// <exception cref="FormatException">The encoding is malformed.</exception>
    public static SignedPayload ReadFrom(ref CanonicalReader reader)
    {
        var type = (MessageType)reader.ReadByte("payload.type");
        if (type is < MessageType.Proposal or > MessageType.RoundChange)
        {
            throw new FormatException($"Field 'payload.type' has unknown value {(byte)type}.");
        }

        var height = reader.ReadInt64("payload.height");
        var round = reader.ReadInt64("payload.round");
        if (height < 1 || round is < 0 or > int.MaxValue)
        {
            throw new FormatException($"Field 'payload.height'/'payload.round' out of range ({height}, {round}).");
        }

        var digest = reader.ReadHash("payload.digest");
        var prepared = reader.ReadInt64("payload.preparedRound");
        if (prepared is < -1 or > int.MaxValue)
        {
            throw new FormatException($"Field 'payload.preparedRound' out of range ({prepared}).");
        }

        var sender = reader.ReadBytes("payload.sender", 1024);
        if (sender.Length == 0)
        {
            throw new FormatException("Field 'payload.sender' is empty.");
        }

        var signature = reader.ReadBytes("payload.signature", 1024);
        return new SignedPayload(type, height, (int)round, digest, (int)prepared, new ValidatorKey(sender), signature);
    }

    /// <inheritdoc />
    public override string ToString() => $"{Type} h={Height} r={Round} d={Digest.ToString()[..8]} from {Sender}";
}
