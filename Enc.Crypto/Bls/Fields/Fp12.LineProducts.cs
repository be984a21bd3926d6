using System.Runtime.CompilerServices;

namespace Enc.Crypto.Bls.Fields;

/// <content>
/// Products of Miller-loop lines: two sparse lines multiplied together first, and the product
/// (one zero slot) multiplied into the accumulator, which is cheaper than two sparse products.
/// </content>
internal readonly partial struct Fp12
{
    /// <summary>
    /// (l0 + l1·v + l4·v·w)(m0 + m1·v + m4·v·w) with six F_p² multiplications (Karatsuba on the three
    /// cross terms). With w² = v and v³ = ξ the product is
    /// (l0m0 + ξl4m4) + (l0m1 + l1m0)·v + l1m1·v² + ((l0m4 + l4m0)·v + (l1m4 + l4m1)·v²)·w:
    /// slot C1.C0 is always zero, the shape <see cref="MulBy01245"/> expects.
    /// </summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    public static Fp12 MulLines(in Fp2 l0, in Fp2 l1, in Fp2 l4, in Fp2 m0, in Fp2 m1, in Fp2 m4)
    {
        var p00 = l0 * m0;
        var p11 = l1 * m1;
        var p44 = l4 * m4;
        var x01 = (l0 + l1) * (m0 + m1) - p00 - p11;
        var x04 = (l0 + l4) * (m0 + m4) - p00 - p44;
        var x14 = (l1 + l4) * (m1 + m4) - p11 - p44;
        return new Fp12(new Fp6(p00 + p44.MulByNonResidue(), x01, p11), new Fp6(Fp2.Zero, x04, x14));
    }

    /// <summary>
    /// Multiplies by an element whose slot C1.C0 is zero (a product of two lines, see
    /// <see cref="MulLines"/>): Karatsuba over F_p⁶ with one full F_p⁶ product, one
    /// <see cref="Fp6.MulBy12"/> and one more full product (17 F_p² multiplications instead of 18;
    /// two <see cref="MulBy014"/> would take 26).
    /// </summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    public Fp12 MulBy01245(in Fp12 sparse)
    {
        var s0 = sparse.C0;
        var s4 = sparse.C1.C1;
        var s5 = sparse.C1.C2;
        var aa = C0 * s0;
        var bb = C1.MulBy12(s4, s5);
        var sum = (C0 + C1) * new Fp6(s0.C0, s0.C1 + s4, s0.C2 + s5) - aa - bb;
        return new Fp12(bb.MulByNonResidue() + aa, sum);
    }
}
