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

            var n2 = twoXiZ4Z5.Double() + twoXiZ4Z5 + z2.Double();
            var n3 = u3.Double() + u3 - z3.Double();
            var n4 = u4.Double() + u4 - z4.Double();
            var n5 = twoZ2Z3.Double() + twoZ2Z3 + z5.Double();
            z2 = n2;
            z3 = n3;
            z4 = n4;
            z5 = n5;
        }

        if (!TryRecover(z2, z3, z4, z5, out var z0, out var z1))
        {
            var acc = this;
            for (var i = 0; i < count; i++)
            {
                acc = acc.CyclotomicSquare();
            }

            return acc;
        }

        return new Fp12(new Fp6(z0, z4, z3), new Fp6(z2, z1, z5));
    }

    /// <summary>
    /// Recovers z1 = (ξz5² + 3z4² − 2z3) / (4z2), or 2z4z5 / z3 when z2 = 0, and then
    /// z0 = ξ(2z1² + z2z5 − 3z3z4) + 1. False when both z2 and z3 are zero.
    /// </summary>
    private static bool TryRecover(in Fp2 z2, in Fp2 z3, in Fp2 z4, in Fp2 z5, out Fp2 z0, out Fp2 z1)
    {
        if (!z2.IsZero)
        {
            var s4 = z4.Square();
            var numerator = z5.Square().MulByNonResidue() + s4.Double() + s4 - z3.Double();
            z1 = numerator * z2.Double().Double().InverseVariableTime();
        }
        else if (!z3.IsZero)
        {
            z1 = (z4 * z5).Double() * z3.InverseVariableTime();
        }
        else
        {
            z0 = default;
            z1 = default;
            return false;
        }

        var z3z4 = z3 * z4;
        z0 = (z1.Square().Double() + z2 * z5 - (z3z4.Double() + z3z4)).MulByNonResidue() + Fp2.One;
        return true;
    }
}
