using System.Buffers;
using Enc.Crypto.Bls.Curves;
using Enc.Crypto.Bls.Fields;

namespace Enc.Crypto.Bls.Pairing;

/// <summary>
/// The optimal ate pairing e: G1 × G2 → GT ⊂ F_p¹² of BLS12-381 (x = −0xd201000000010000,
/// M-type sextic twist): Miller loops over |x| with projective line steps, the lines of one bit
/// multiplied together in pairs before they meet the accumulator, a multi-Miller loop that shares
/// one squaring chain and one final exponentiation across many pairs, and the final
/// exponentiation (compressed squarings with one batched decompression per exponentiation by x).
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
    public static Fp12 MultiMillerLoop(ReadOnlySpan<G1Affine> ps, ReadOnlySpan<G2Affine> qs) =>
        MultiMillerLoop(ps, qs, pairLines: true, out _, out _);

    /// <summary>
    /// The same value with every line multiplied into the accumulator on its own
    /// (<see cref="Fp12.MulBy014"/>): the straightforward loop, kept as the test oracle.
    /// </summary>
    internal static Fp12 MultiMillerLoopLineByLine(ReadOnlySpan<G1Affine> ps, ReadOnlySpan<G2Affine> qs) =>
        MultiMillerLoop(ps, qs, pairLines: false, out _, out _);

    /// <summary>
    /// The multi-Miller loop; <paramref name="lastRunningPoint"/> is the loop's final running point for
    /// the last pair ([|x|]·Q_last, see <see cref="MillerLoopPoint.RunningPoint"/>) when that pair took
    /// part (<paramref name="lastLooped"/>; pairs with an identity point are skipped).
    /// </summary>
    private static Fp12 MultiMillerLoop(
        ReadOnlySpan<G1Affine> ps, ReadOnlySpan<G2Affine> qs, bool pairLines, out G2Projective lastRunningPoint, out bool lastLooped)
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

            var f = Loop(ps, qs, points[..n], index[..n], pairLines);
            lastLooped = n > 0 && index[n - 1] == ps.Length - 1;
            lastRunningPoint = lastLooped ? points[n - 1].RunningPoint : G2Projective.Identity;
            return f;
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

    /// <summary>
    /// True when ∏ e(Pi, Qi) = 1; <paramref name="lastInSubgroup"/> says whether the last G2 point
    /// (a signature, in the scheme's checks) lies in G2, decided from the Miller loop's own multiple
    /// [|x|]·Q_last by Scott's criterion ψ(Q) = [x]Q (<see cref="G2Projective.IsInSubgroupGiven"/>)
    /// instead of a separate multiplication by x: the loop runs exactly the double-and-add chain of |x|
    /// over Q. The G2 points must be on the curve; the others need not be in G2 for the product to be
    /// computed, but the pairing value means nothing when one is not.
    /// </summary>
    public static bool MultiPairingIsOne(ReadOnlySpan<G1Affine> ps, ReadOnlySpan<G2Affine> qs, out bool lastInSubgroup)
    {
        var isOne = FinalExponentiation(MultiMillerLoop(ps, qs, pairLines: true, out var runningPoint, out var looped)).IsOne;
        lastInSubgroup = qs.IsEmpty || (looped ? G2Projective.IsInSubgroupGiven(qs[^1], runningPoint) : qs[^1].IsInSubgroup);
        return isOne;
    }

    private static Fp12 Loop(
        ReadOnlySpan<G1Affine> ps, ReadOnlySpan<G2Affine> qs, Span<MillerLoopPoint> points, ReadOnlySpan<int> index, bool pairLines)
    {
        if (points.IsEmpty)
        {
            return Fp12.One;
        }

        // Up to two lines per pair and bit (doubling, then addition on set bits), three slots each.
        Fp2[]? rented = null;
        var lines = points.Length <= StackPairs
            ? stackalloc Fp2[6 * StackPairs]
            : (rented = ArrayPool<Fp2>.Shared.Rent(6 * points.Length));
        try
        {
            var f = Fp12.One;
            for (var bit = 62; bit >= 0; bit--)
            {
                if (bit != 62)
                {
                    f = f.Square();
                }

                var count = 0;
                for (var k = 0; k < points.Length; k++)
                {
                    points[k].Double(out var c0, out var c1, out var c4);
                    StoreLine(lines, count++, c0, c1, c4, ps[index[k]]);
                }

                if (((CurveConstants.AbsX >> bit) & 1) == 1)
                {
                    for (var k = 0; k < points.Length; k++)
                    {
                        points[k].Add(qs[index[k]], out var c0, out var c1, out var c4);
                        StoreLine(lines, count++, c0, c1, c4, ps[index[k]]);
                    }
                }

                f = pairLines
                    ? MultiplyByLinePairs(f, bit == 62, lines[..(3 * count)])
                    : MultiplyByLinesOneByOne(f, lines[..(3 * count)]);
            }

            // x is negative: f_{x,Q} = 1 / f_{|x|,Q} up to factors the final exponentiation removes,
            // and on the unitary part the inverse is the conjugate.
            return f.Conjugate();
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<Fp2>.Shared.Return(rented);
            }
        }
    }

    /// <summary>Stores line number <paramref name="slot"/> evaluated at P: (c0, c1·x_P, c4·y_P).</summary>
    private static void StoreLine(Span<Fp2> lines, int slot, in Fp2 c0, in Fp2 c1, in Fp2 c4, in G1Affine p)
    {
        lines[3 * slot] = c0;
        lines[(3 * slot) + 1] = c1.MulByFp(p.X);
        lines[(3 * slot) + 2] = c4.MulByFp(p.Y);
    }

    /// <summary>
    /// Multiplies f by the lines two at a time (<see cref="Fp12.MulLines"/>, then
    /// <see cref="Fp12.MulBy01245"/>: 6 + 17 F_p² multiplications instead of 2 × 13); an odd line
    /// left over goes in with <see cref="Fp12.MulBy014"/>. On the first bit f is one, so the first
    /// line product (or the single line) becomes f without a multiplication.
    /// </summary>
    private static Fp12 MultiplyByLinePairs(Fp12 f, bool fIsOne, ReadOnlySpan<Fp2> lines)
    {
        var count = lines.Length / 3;
        var i = 0;
        if (fIsOne)
        {
            if (count >= 2)
            {
                f = Fp12.MulLines(lines[0], lines[1], lines[2], lines[3], lines[4], lines[5]);
                i = 2;
            }
            else
            {
                f = new Fp12(new Fp6(lines[0], lines[1], Fp2.Zero), new Fp6(Fp2.Zero, lines[2], Fp2.Zero));
                i = 1;
            }
        }

        for (; i + 1 < count; i += 2)
        {
            var l = lines.Slice(3 * i, 6);
            f = f.MulBy01245(Fp12.MulLines(l[0], l[1], l[2], l[3], l[4], l[5]));
        }

        return i < count ? f.MulBy014(lines[3 * i], lines[(3 * i) + 1], lines[(3 * i) + 2]) : f;
    }

    private static Fp12 MultiplyByLinesOneByOne(Fp12 f, ReadOnlySpan<Fp2> lines)
    {
        for (var i = 0; i < lines.Length; i += 3)
        {
            f = f.MulBy014(lines[i], lines[i + 1], lines[i + 2]);
        }

        return f;
    }
}
