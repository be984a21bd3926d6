using Enc.Crypto.Bls.Fields;

namespace Enc.Crypto.Bls.Curves;

/// <content>Compressed 96-byte encoding (ZCash / Ethereum format): x.c1 ‖ x.c0 big-endian with flag bits.</content>
internal readonly partial struct G2Affine
{
    /// <summary>Writes the 96-byte compressed encoding.</summary>
    public void ToCompressed(Span<byte> destination)
    {
        if (destination.Length < CompressedEncoding.G2Length)
        {
            throw new ArgumentException("Destination needs 96 bytes.", nameof(destination));
        }

        if (IsIdentity)
        {
            CompressedEncoding.WriteInfinity(destination[..CompressedEncoding.G2Length]);
            return;
        }

        X.C1.ToBigEndian(destination);
        X.C0.ToBigEndian(destination[FpConstants.ByteLength..]);
        destination[0] |= CompressedEncoding.CompressionFlag;
        if (Y.IsLexicographicallyLargest())
        {
            destination[0] |= CompressedEncoding.SignFlag;
        }
    }

    /// <summary>Returns the 96-byte compressed encoding.</summary>
    public byte[] ToCompressed()
    {
        var bytes = new byte[CompressedEncoding.G2Length];
        ToCompressed(bytes);
        return bytes;
    }

    /// <summary>
    /// Decodes a compressed point and checks that it lies in G2. Fails on a wrong length, bad flags,
    /// non-canonical infinity, either coordinate ≥ p, x not on the curve, or a point outside the
    /// subgroup. The canonical infinity encoding succeeds.
    /// </summary>
    public static bool TryFromCompressed(ReadOnlySpan<byte> encoded, out G2Affine point) =>
        TryFromCompressedUnchecked(encoded, out point) && point.IsInSubgroup;

    /// <summary>As <see cref="TryFromCompressed"/> but without the subgroup check (the point is on the curve).</summary>
    public static bool TryFromCompressedUnchecked(ReadOnlySpan<byte> encoded, out G2Affine point)
    {
        point = Identity;
        Span<byte> x = stackalloc byte[CompressedEncoding.G2Length];
        if (!CompressedEncoding.TrySplit(encoded, CompressedEncoding.G2Length, x, out var infinity, out var sign))
        {
            return false;
        }

        if (infinity)
        {
            return CompressedEncoding.IsCanonicalInfinity(x, sign);
        }

        if (!Fp.TryFromBigEndian(x[..FpConstants.ByteLength], out var c1) ||
            !Fp.TryFromBigEndian(x[FpConstants.ByteLength..], out var c0))
        {
            return false;
        }

        var xCoordinate = new Fp2(c0, c1);
        if (!(xCoordinate.Square() * xCoordinate + Fp2.One.MulByCurveB()).TrySqrtVariableTime(out var y))
        {
            return false;
        }

        point = new G2Affine(xCoordinate, Fp2.ConditionalSelect(-y, y, y.IsLexicographicallyLargest() == sign));
        return true;
    }
}
