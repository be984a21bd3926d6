using System.Buffers;
using Enc.Crypto.Bls.Curves;
using Enc.Crypto.Bls.Fields;

namespace Enc.Crypto.Bls.Pairing;

/// <summary>
/// The optimal ate pairing e: G1 × G2 → GT ⊂ F_p¹² of BLS12-381 (x = −0xd201000000010000,
/// M-type sextic twist): Miller loops over |x| with projective line steps and sparse line
/// multiplication, a multi-Miller loop that shares one squaring chain and one final
/// exponentiation across many pairs, and the final exponentiation.
/// </summary>
/// <remarks>
/// The final exponentiation raises to 3·(p¹² − 1)/r (the hard part uses the
/// (x − 1)²(x + p)(x² + p² − 1) + 3 decomposition), so <see cref="Pair"/> returns the cube of the
/// reduced ate pairing. That is again a non-degenerate bilinear pairing (3 is prime to r), and
/// product checks (= 1) are unaffected. Pairing inputs are public: the code branches on whether a
/// point is the identity and is not constant time.
/// </remarks>
internal static class Pairing
{
    private const int StackPairs = 8;

    /// <summary>The Miller loop value f_{x,Q}(P) (before the final exponentiation).</summary>
    public static Fp12 MillerLoop(in G1Affine p, in G2Affine q) => MultiMillerLoop([p], [q]);

    /// <summary>
    /// ∏ f_{x,Qi}(Pi) computed in one loop: one F_p¹² squaring per bit is shared by all pairs.
    /// Pairs where either point is the identity contribute 1 and are skipped.
    /// </summary>
    public static Fp12 MultiMillerLoop(ReadOnlySpan<G1Affine> ps, ReadOnlySpan<G2Affine> qs)
    {
        if (ps.Length != qs.Length)
        {
            throw new ArgumentException("Every G1 point needs a G2 partner.", nameof(qs));
        }

        var count = 0;
        for (var i = 0; i < ps.Length; i++)
        {
            count += ps[i].IsIdentity | qs[i].IsIdentity ? 0 : 1;
        }

        MillerLoopPoint[]? rented = null;
        var points = count <= StackPairs
            ? stackalloc MillerLoopPoint[StackPairs]
            : (rented = ArrayPool<MillerLoopPoint>.Shared.Rent(count));
        int[]? rentedIndex = null;
        var index = count <= StackPairs ? stackalloc int[StackPairs] : (rentedIndex = ArrayPool<int>.Shared.Rent(count));
        try
        {
            var n = 0;
            for (var i = 0; i < ps.Length; i++)
            {
                if (!(ps[i].IsIdentity | qs[i].IsIdentity))
                {
                    points[n] = new MillerLoopPoint(qs[i]);
                    index[n++] = i;
                }
            }

            return Loop(ps, qs, points[..n], index[..n]);
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<MillerLoopPoint>.Shared.Return(rented);
            }

            if (rentedIndex is not null)
            {
                ArrayPool<int>.Shared.Return(rentedIndex);
            }
        }
    }

    /// <summary>
    /// Maps a Miller loop value into GT: f^(3(p¹²−1)/r). Easy part f^((p⁶−1)(p²+1)) with one
    /// inversion (variable time: pairing inputs are public) and Frobenius maps; hard part with cyclotomic squarings and five exponentiations by x.
    /// </summary>
    public static Fp12 FinalExponentiation(in Fp12 f)
    {
        var f1 = f.Conjugate() * f.InverseVariableTime();
        var m = f1.FrobeniusMap().FrobeniusMap() * f1;

        var a = m.CyclotomicExpByX() * m.Conjugate();
        a = a.CyclotomicExpByX() * a.Conjugate();
        var b = a.CyclotomicExpByX() * a.FrobeniusMap();
        var c = b.CyclotomicExpByX().CyclotomicExpByX() * b.FrobeniusMap().FrobeniusMap() * b.Conjugate();
        return c * m.CyclotomicSquare() * m;
    }

    /// <summary>e(P, Q) (see the remarks on the exponent).</summary>
    public static Fp12 Pair(in G1Affine p, in G2Affine q) => FinalExponentiation(MillerLoop(p, q));

    /// <summary>True when ∏ e(Pi, Qi) = 1, with one shared final exponentiation.</summary>
    public static bool MultiPairingIsOne(ReadOnlySpan<G1Affine> ps, ReadOnlySpan<G2Affine> qs) =>
        FinalExponentiation(MultiMillerLoop(ps, qs)).IsOne;

    private static Fp12 Loop(ReadOnlySpan<G1Affine> ps, ReadOnlySpan<G2Affine> qs, Span<MillerLoopPoint> points, ReadOnlySpan<int> index)
    {
        var f = Fp12.One;
        for (var bit = 62; bit >= 0; bit--)
        {
            if (bit != 62)
            {
                f = f.Square();
            }

            for (var k = 0; k < points.Length; k++)
            {
                points[k].Double(out var c0, out var c1, out var c4);
                f = MulByLine(f, c0, c1, c4, ps[index[k]]);
            }

            if (((CurveConstants.AbsX >> bit) & 1) == 1)
            {
                for (var k = 0; k < points.Length; k++)
                {
                    points[k].Add(qs[index[k]], out var c0, out var c1, out var c4);
                    f = MulByLine(f, c0, c1, c4, ps[index[k]]);
                }
            }
        }

        // x is negative: f_{x,Q} = 1 / f_{|x|,Q} up to factors the final exponentiation removes,
        // and on the unitary part the inverse is the conjugate.
        return f.Conjugate();
    }

    private static Fp12 MulByLine(in Fp12 f, in Fp2 c0, in Fp2 c1, in Fp2 c4, in G1Affine p) =>
        f.MulBy014(c0, c1.MulByFp(p.X), c4.MulByFp(p.Y));
}
