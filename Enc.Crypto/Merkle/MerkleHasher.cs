using System.Buffers;
using System.Security.Cryptography;

namespace Enc.Crypto.Merkle;

/// <summary>
/// The SHA-256 hashing of RFC 9162 §2.1.1: leaf hash <c>SHA-256(0x00 || leaf)</c>, interior node hash
/// <c>SHA-256(0x01 || left || right)</c>, and the empty tree's head <c>SHA-256("")</c>.
/// </summary>
/// <remarks>All methods write into caller-provided spans and allocate nothing on the heap for inputs up to
/// <see cref="StackLeafLimit"/> bytes; larger leaves borrow a pooled buffer.</remarks>
public static class MerkleHasher
{
    /// <summary>Size in bytes of every hash in the tree (SHA-256).</summary>
    public const int HashSize = 32;

    /// <summary>Domain-separation prefix of leaf hashes.</summary>
    public const byte LeafPrefix = 0x00;

    /// <summary>Domain-separation prefix of interior node hashes.</summary>
    public const byte NodePrefix = 0x01;

    /// <summary>Largest leaf that is hashed from stack memory.</summary>
    public const int StackLeafLimit = 1024;

    private static readonly byte[] s_emptyRoot = SHA256.HashData(ReadOnlySpan<byte>.Empty);

    /// <summary>The tree head of the empty tree, <c>SHA-256("")</c>.</summary>
    public static ReadOnlySpan<byte> EmptyRoot => s_emptyRoot;

    /// <summary>Writes <c>SHA-256(0x00 || leaf)</c> into <paramref name="destination"/> (32 bytes).</summary>
    public static void LeafHash(ReadOnlySpan<byte> leaf, Span<byte> destination)
    {
        CheckDestination(destination);
        if (leaf.Length < StackLeafLimit)
        {
            Span<byte> buffer = stackalloc byte[leaf.Length + 1];
            HashPrefixed(leaf, buffer, destination);
            return;
        }

        var rented = ArrayPool<byte>.Shared.Rent(leaf.Length + 1);
        try
        {
            HashPrefixed(leaf, rented.AsSpan(0, leaf.Length + 1), destination);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(rented);
        }
    }

    /// <summary>Returns <c>SHA-256(0x00 || leaf)</c> as a new array.</summary>
    public static byte[] LeafHash(ReadOnlySpan<byte> leaf)
    {
        var result = new byte[HashSize];
        LeafHash(leaf, result);
        return result;
    }

    /// <summary>
    /// Writes <c>SHA-256(0x01 || left || right)</c> into <paramref name="destination"/>; the destination may
    /// overlap either input.
    /// </summary>
    public static void NodeHash(ReadOnlySpan<byte> left, ReadOnlySpan<byte> right, Span<byte> destination)
    {
        CheckHash(left, nameof(left));
        CheckHash(right, nameof(right));
        CheckDestination(destination);
        Span<byte> buffer = stackalloc byte[1 + (2 * HashSize)];
        buffer[0] = NodePrefix;
        left.CopyTo(buffer[1..]);
        right.CopyTo(buffer[(1 + HashSize)..]);
        SHA256.HashData(buffer, destination);
    }

    /// <summary>Returns <c>SHA-256(0x01 || left || right)</c> as a new array.</summary>
    public static byte[] NodeHash(ReadOnlySpan<byte> left, ReadOnlySpan<byte> right)
    {
        var result = new byte[HashSize];
        NodeHash(left, right, result);
        return result;
    }

    private static void HashPrefixed(ReadOnlySpan<byte> leaf, Span<byte> buffer, Span<byte> destination)
    {
        buffer[0] = LeafPrefix;
        leaf.CopyTo(buffer[1..]);
        SHA256.HashData(buffer, destination);
    }

    private static void CheckHash(ReadOnlySpan<byte> hash, string name)
    {
        if (hash.Length != HashSize)
        {
            throw new ArgumentException($"A Merkle hash is {HashSize} bytes; got {hash.Length}.", name);
        }
    }

    private static void CheckDestination(Span<byte> destination)
    {
        if (destination.Length < HashSize)
        {
            throw new ArgumentException($"The destination needs {HashSize} bytes; got {destination.Length}.", nameof(destination));
        }
    }
}
