using Enc.Crypto.Bls.Fields;

namespace Enc.Crypto.Bls.Curves;

/// <content>Compressed 48-byte encoding (ZCash / Ethereum format): x big-endian with flag bits.</content>
internal readonly partial struct G1Affine
{
    /// <summary>Writes the 48-byte compressed encoding.</summary>
    public void ToCompressed(Span<byte> destination)
    {
        if (destination.Length < CompressedEncoding.G1Length)
        {
            throw new ArgumentException("Destination needs 48 bytes.", nameof(destination));
        }

        if (IsIdentity)
        {
            CompressedEncoding.WriteInfinity(destination[..CompressedEncoding.G1Length]);
            return;
        }

        X.ToBigEndian(destination);
        destination[0] |= CompressedEncoding.CompressionFlag;
        if (Y.IsLexicographicallyLargest())
        {
            destination[0] |= CompressedEncoding.SignFlag;
        }
    }

    /// <summary>Returns the 48-byte compressed encoding.</summary>
    public byte[] ToCompressed()
    {
        var bytes = new byte[CompressedEncoding.G1Length];
        ToCompressed(bytes);
        return bytes;
    }

    /// <summary>
    /// Decodes a compressed point and checks that it lies in G1. Fails on a wrong length, bad flags,
    /// non-canonical infinity, x ≥ p, x not on the curve, or a point outside the subgroup. The
    /// canonical infinity encoding succeeds.
    /// </summary>
    public static bool TryFromCompressed(ReadOnlySpan<byte> encoded, out G1Affine point) =>
        TryFromCompressedUnchecked(encoded, out point) && point.IsInSubgroup;

    /// <summary>As <see cref="TryFromCompressed"/> but without the subgroup check (the point is on the curve).</summary>
    public static bool TryFromCompressedUnchecked(ReadOnlySpan<byte> encoded, out G1Affine point)
    {
        point = Identity;
        Span<byte> x = stackalloc byte[CompressedEncoding.G1Length];
        if (!CompressedEncoding.TrySplit(encoded, CompressedEncoding.G1Length, x, out var infinity, out var sign))
        {
            return false;
        }

        if (infinity)
        {
            return CompressedEncoding.IsCanonicalInfinity(x, sign);
        }

        if (!Fp.TryFromBigEndian(x, out var xCoordinate) ||
            !(xCoordinate.Square() * xCoordinate + Fp.One.MulByCurveB()).TrySqrt(out var y))
        {
            return false;
        }

        point = new G1Affine(xCoordinate, Fp.ConditionalSelect(-y, y, y.IsLexicographicallyLargest() == sign));
        return true;
    }
}
