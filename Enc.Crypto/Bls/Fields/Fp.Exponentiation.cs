namespace Enc.Crypto.Bls.Fields;

/// <content>Exponentiation by public exponents: inversion and square roots in F_p.</content>
internal readonly partial struct Fp
{
    /// <summary>
    /// this^e for a public exponent given as little-endian limbs. Left-to-right square-and-multiply
    /// whose sequence of operations depends only on the exponent, never on this element.
    /// </summary>
    public Fp Pow(ReadOnlySpan<ulong> exponent) => FieldExponentiation.Pow(this, exponent);

    /// <summary>
    /// The multiplicative inverse a^(p−2) (Fermat). Constant time; the inverse of zero is zero,
    /// callers that must reject zero check <see cref="IsZero"/> first.
    /// </summary>
    public Fp Inverse() => Pow(FpConstants.PMinus2);

    /// <summary>
    /// Square root a^((p+1)/4) (valid because p ≡ 3 mod 4). Returns false when a is not a square.
    /// Constant time: the exponentiation is fixed and the check is a comparison at the end.
    /// </summary>
    public bool TrySqrt(out Fp root)
    {
        var candidate = Pow(FpConstants.PPlus1Over4);
        root = candidate;
        return candidate.Square() == this;
    }

    /// <summary>True when a is a square in F_p (zero counts as a square).</summary>
    public bool IsSquare() => TrySqrt(out _);
}
