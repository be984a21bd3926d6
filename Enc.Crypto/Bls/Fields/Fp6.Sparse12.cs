using System.Runtime.CompilerServices;

namespace Enc.Crypto.Bls.Fields;

/// <content>Multiplication by an F_p⁶ element whose constant coefficient is zero.</content>
internal readonly partial struct Fp6
{
    /// <summary>
    /// Multiplies by the sparse element b1·v + b2·v² (five F_p² multiplications):
    /// c0 = ξ(a1b2 + a2b1), c1 = a0b1 + ξa2b2, c2 = a0b2 + a1b1, the cross term by Karatsuba.
    /// </summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    public Fp6 MulBy12(in Fp2 b1, in Fp2 b2)
    {
        var t11 = C1 * b1;
        var t22 = C2 * b2;
        var cross = (C1 + C2) * (b1 + b2) - t11 - t22;
        return new Fp6(cross.MulByNonResidue(), C0 * b1 + t22.MulByNonResidue(), C0 * b2 + t11);
    }
}
