namespace Enc.Crypto.Bls.Fields;

/// <content>A faster, variable-time square root for public inputs (point decompression).</content>
internal readonly partial struct Fp2
{
    /// <summary>
    /// Square root by the "complex method" (Scott, "Implementing cryptographic pairings", §5.3):
    /// with N = c0² + c1² = γ², one of δ = (c0 ± γ)/2 is a square in F_p and the root is
    /// √δ + c1/(2√δ)·u. Costs exactly two F_p exponentiations: γ, then δ^((p−3)/4), from which
    /// <see cref="NormSquareRoot"/> takes the root whichever of the two δ is the square (no third
    /// exponentiation when the first δ is not). Branches on the input: public data only
    /// (decompression); <see cref="TrySqrt"/> is the constant-time variant. Returns false when
    /// this element is not a square.
    /// </summary>
    public bool TrySqrtVariableTime(out Fp2 root)
    {
        // With C1 = 0 the norm root is not needed (NormSquareRoot takes that case first).
        var gamma = Fp.Zero;
        if (!C1.IsZero && !Norm().TrySqrt(out gamma))
        {
            root = Zero;
            return false;
        }

        return NormSquareRoot.TrySqrt(this, gamma, out root);
    }
}
