namespace Enc.Crypto.Bls.Fields;

/// <content>Exponentiation, square roots and sign rules in F_p².</content>
internal readonly partial struct Fp2
{
    /// <summary>this^e for a public exponent (little-endian limbs); the operation sequence depends only on e.</summary>
    public Fp2 Pow(ReadOnlySpan<ulong> exponent) => FieldExponentiation.Pow(this, exponent);

    /// <summary>
    /// Square root for F_p² with p ≡ 3 mod 4 (Adj and Rodríguez-Henríquez, "Square root
    /// computation over even extension fields", Algorithm 9). Both candidate roots are computed and
    /// one is selected without branching; the result is checked by squaring. Returns false when
    /// this element is not a square.
    /// </summary>
    public bool TrySqrt(out Fp2 root)
    {
        var a1 = Pow(FpConstants.PMinus3Over4);
        var alpha = a1.Square() * this;
        var x0 = a1 * this;

        // α = −1: the root is u·x0. Otherwise it is (1 + α)^((p−1)/2)·x0.
        var minusOne = -One;
        var alphaIsMinusOne = alpha == minusOne;
        var viaU = new Fp2(-x0.C1, x0.C0);
        var viaB = (One + alpha).Pow(FpConstants.PMinus1Over2) * x0;
        var candidate = ConditionalSelect(viaB, viaU, alphaIsMinusOne);

        root = candidate;
        return candidate.Square() == this;
    }

    /// <summary>True when this element is a square in F_p² (zero counts as a square).</summary>
    public bool IsSquare() => TrySqrt(out _);

    /// <summary>
    /// RFC 9380 sgn0 for F_p² (section 4.1): sign of c0, or of c1 when c0 is zero.
    /// </summary>
    public bool Sgn0()
    {
        var sign0 = C0.Sgn0();
        var zero0 = C0.IsZero;
        var sign1 = C1.Sgn0();
        return sign0 | (zero0 & sign1);
    }

    /// <summary>
    /// ZCash serialization sign rule for F_p²: c1 decides, and c0 when c1 is zero.
    /// </summary>
    public bool IsLexicographicallyLargest() =>
        C1.IsLexicographicallyLargest() | (C1.IsZero & C0.IsLexicographicallyLargest());
}
