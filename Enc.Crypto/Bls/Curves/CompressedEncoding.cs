namespace Enc.Crypto.Bls.Curves;

/// <summary>
/// The flag bits of the ZCash / Ethereum compressed point encoding, carried in the three most
/// significant bits of the first byte: compression (always set here), infinity, and the sign of y
/// (set when y is the lexicographically larger of ±y).
/// </summary>
internal static class CompressedEncoding
{
    public const byte CompressionFlag = 0x80;
    public const byte InfinityFlag = 0x40;
    public const byte SignFlag = 0x20;
    public const byte FlagMask = 0xe0;

    /// <summary>Compressed G1 size in bytes.</summary>
    public const int G1Length = 48;

    /// <summary>Compressed G2 size in bytes.</summary>
    public const int G2Length = 96;

    /// <summary>
    /// Reads the flags and copies the coordinate bytes with the flag bits cleared. Returns false for
    /// the wrong length or a missing compression flag.
    /// </summary>
    public static bool TrySplit(ReadOnlySpan<byte> encoded, int length, Span<byte> coordinates, out bool infinity, out bool sign)
    {
        infinity = false;
        sign = false;
        if (encoded.Length != length || (encoded[0] & CompressionFlag) == 0)
        {
            return false;
        }

        infinity = (encoded[0] & InfinityFlag) != 0;
        sign = (encoded[0] & SignFlag) != 0;
        encoded.CopyTo(coordinates);
        coordinates[0] &= unchecked((byte)~FlagMask);
        return true;
    }

    /// <summary>
    /// The infinity encoding is canonical only with the sign flag clear and every other bit zero.
    /// </summary>
    public static bool IsCanonicalInfinity(ReadOnlySpan<byte> coordinates, bool sign) =>
        !sign && !coordinates.ContainsAnyExcept((byte)0);

    /// <summary>Writes the infinity encoding: compression and infinity flags, all other bits zero.</summary>
    public static void WriteInfinity(Span<byte> destination)
    {
        destination.Clear();
        destination[0] = CompressionFlag | InfinityFlag;
    }
}
