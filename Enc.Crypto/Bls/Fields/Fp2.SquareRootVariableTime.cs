namespace Enc.Crypto.Bls.Fields;

/// <content>A faster, variable-time square root for public inputs (point decompression).</content>
internal readonly partial struct Fp2
{
    private static readonly Fp TwoInverse = Fp.FromUInt64(2).Inverse();

    /// <summary>
    /// Square root by the "complex method" (Scott, "Implementing cryptographic pairings", §5.3):
    /// with α = c0² + c1² = γ² and δ = (c0 ± γ)/2 a square in F_p, the root is √δ + c1/(2√δ)·u.
    /// Uses F_p exponentiations only (about half the cost of <see cref="TrySqrt"/>), and the
    /// inverse of √δ comes free from δ^((p−3)/4). Branches on the input: public data only
    /// (decompression); <see cref="TrySqrt"/> is the constant-time variant. Returns false when
    /// this element is not a square.
    /// </summary>
    public bool TrySqrtVariableTime(out Fp2 root)
    {
        root = Zero;
        if (C1.IsZero)
        {
            // c0 or −c0 is a square in F_p; −1 = u², so √c0 = u·√(−c0) in the second case.
            if (C0.TrySqrt(out var r0))
            {
                root = new Fp2(r0, Fp.Zero);
                return true;
            }

            if ((-C0).TrySqrt(out var r1))
            {
                root = new Fp2(Fp.Zero, r1);
                return true;
            }

            return false;
        }

        if (!Norm().TrySqrt(out var gamma))
        {
            return false;
        }

        var delta = (C0 + gamma) * TwoInverse;
        var t = delta.Pow(FpConstants.PMinus3Over4);
        var x0 = t * delta;
        if (x0.Square() != delta)
        {
            delta = (C0 - gamma) * TwoInverse;
            t = delta.Pow(FpConstants.PMinus3Over4);
            x0 = t * delta;
            if (x0.Square() != delta)
            {
                return false;
            }
        }

        // t = δ^((p−3)/4) = 1/√δ when δ is a square, so c1/(2√δ) = c1·t/2.
        var candidate = new Fp2(x0, C1 * t * TwoInverse);
        root = candidate;
        return candidate.Square() == this;
    }
}
