namespace Enc.Crypto.Bls.Fields;

/// <content>
/// Karabina's compressed squaring in the cyclotomic subgroup ("Squaring in cyclotomic subgroups",
/// Math. Comp. 82, 2013), for the long runs of squarings inside exponentiation by x.
/// </content>
internal readonly partial struct Fp12
{
    /// <summary>
    /// this^(2^count) for an element of the cyclotomic subgroup. In the Granger–Scott slot naming of
    /// <see cref="CyclotomicSquare"/> (z0 = C0.C0, z4 = C0.C1, z3 = C0.C2, z2 = C1.C0, z1 = C1.C1,
    /// z5 = C1.C2) the four slots z2..z5 square among themselves:
    /// z2' = 6ξ·z4z5 + 2z2, z3' = 3(z4² + ξz5²) − 2z3, z4' = 3(z2² + ξz3²) − 2z4, z5' = 6·z2z3 + 2z5,
    /// which costs six F_p² squarings instead of nine. z0 and z1 are recovered once at the end, with
    /// one F_p² inversion.
    /// </summary>
    /// <remarks>
    /// Variable time (the recovery branches on zero slots and uses
    /// <see cref="Fp2.InverseVariableTime"/>): for the final exponentiation of pairings, whose inputs
    /// are public. When the recovery is undefined (z2 = z3 = 0) the squarings are redone uncompressed.
    /// </remarks>
    public Fp12 CyclotomicSquareRepeatedVariableTime(int count)
    {
        var z2 = C1.C0;
        var z3 = C0.C2;
        var z4 = C0.C1;
        var z5 = C1.C2;
        CompressedSquareRepeated(ref z2, ref z3, ref z4, ref z5, count);
        if (!TryRecoveryFraction(z2, z3, z4, z5, out var numerator, out var denominator))
        {
            var acc = this;
            for (var i = 0; i < count; i++)
            {
                acc = acc.CyclotomicSquare();
            }

            return acc;
        }

        return Decompress(numerator * denominator.InverseVariableTime(), z2, z3, z4, z5);
    }

    /// <summary>Applies <paramref name="count"/> compressed squarings to the slots z2..z5 (formulas above).</summary>
    private static void CompressedSquareRepeated(ref Fp2 z2, ref Fp2 z3, ref Fp2 z4, ref Fp2 z5, int count)
    {
        for (var i = 0; i < count; i++)
        {
            var s2 = z2.Square();
            var s3 = z3.Square();
            var s4 = z4.Square();
            var s5 = z5.Square();
            var twoZ2Z3 = (z2 + z3).Square() - s2 - s3;
            var twoXiZ4Z5 = ((z4 + z5).Square() - s4 - s5).MulByNonResidue();
            var u3 = s4 + s5.MulByNonResidue();
            var u4 = s2 + s3.MulByNonResidue();

            // 3t ± 2z as t + 2(t ± z): three F_p² additions instead of four.
            z2 = twoXiZ4Z5 + (twoXiZ4Z5 + z2).Double();
            z3 = u3 + (u3 - z3).Double();
            z4 = u4 + (u4 - z4).Double();
            z5 = twoZ2Z3 + (twoZ2Z3 + z5).Double();
        }
    }

    /// <summary>
    /// The fraction z1 = numerator / denominator of the recovery: (ξz5² + 3z4² − 2z3) / (4z2), or
    /// 2z4z5 / z3 when z2 = 0. False when both z2 and z3 are zero (the recovery is undefined).
    /// </summary>
    private static bool TryRecoveryFraction(in Fp2 z2, in Fp2 z3, in Fp2 z4, in Fp2 z5, out Fp2 numerator, out Fp2 denominator)
    {
        if (!z2.IsZero)
        {
            var s4 = z4.Square();
            numerator = z5.Square().MulByNonResidue() + s4.Double() + s4 - z3.Double();
            denominator = z2.Double().Double();
            return true;
        }

        numerator = (z4 * z5).Double();
        denominator = z3;
        return !z3.IsZero;
    }

    /// <summary>The full element from z1 and the compressed slots: z0 = ξ(2z1² + z2z5 − 3z3z4) + 1.</summary>
    private static Fp12 Decompress(in Fp2 z1, in Fp2 z2, in Fp2 z3, in Fp2 z4, in Fp2 z5)
    {
        var z3z4 = z3 * z4;
        var z0 = (z1.Square().Double() + z2 * z5 - (z3z4.Double() + z3z4)).MulByNonResidue() + Fp2.One;
        return new Fp12(new Fp6(z0, z4, z3), new Fp6(z2, z1, z5));
    }
}
