using System.Buffers.Binary;

namespace Enc.Ledger.Batches;

/// <summary>
/// The exact byte strings ENC signs for the ledger (see <c>docs/receipts.md</c>). Each starts with its own
/// ASCII domain tag and a zero byte, so a signature over one kind can never be replayed as another.
/// </summary>
public static class LedgerSigningMessages
{
    /// <summary>Domain tag of receipt-batch signatures.</summary>
    public static ReadOnlySpan<byte> BatchDomain => "ENC/ledger/v1/receipt-batch"u8;

    /// <summary>Domain tag of checkpoint (signed tree head) signatures.</summary>
    public static ReadOnlySpan<byte> CheckpointDomain => "ENC/ledger/v1/checkpoint"u8;

    /// <summary><c>BatchDomain || 0x00 || uint64be(count) || root</c>.</summary>
    public static byte[] Batch(long count, ReadOnlySpan<byte> root)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(count);
        CheckRoot(root);
        var message = new byte[BatchDomain.Length + 1 + 8 + 32];
        BatchDomain.CopyTo(message);
        BinaryPrimitives.WriteInt64BigEndian(message.AsSpan(BatchDomain.Length + 1), count);
        root.CopyTo(message.AsSpan(BatchDomain.Length + 9));
        return message;
    }

    /// <summary><c>CheckpointDomain || 0x00 || uint64be(size) || root || int64be(unix milliseconds)</c>.</summary>
    public static byte[] Checkpoint(long size, ReadOnlySpan<byte> root, long timestampMilliseconds)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(size);
        CheckRoot(root);
        var message = new byte[CheckpointDomain.Length + 1 + 8 + 32 + 8];
        CheckpointDomain.CopyTo(message);
        BinaryPrimitives.WriteInt64BigEndian(message.AsSpan(CheckpointDomain.Length + 1), size);
        root.CopyTo(message.AsSpan(CheckpointDomain.Length + 9));
        BinaryPrimitives.WriteInt64BigEndian(message.AsSpan(CheckpointDomain.Length + 41), timestampMilliseconds);
        return message;
    }

    private static void CheckRoot(ReadOnlySpan<byte> root)
    {
        if (root.Length != 32)
        {
            throw new ArgumentException($"A Merkle root is 32 bytes; got {root.Length}.", nameof(root));
        }
    }
}
