namespace Enc.Crypto.Bls.Fields;

/// <content>
/// Exponentiation by the BLS parameter with compressed squarings only and one batched
/// decompression (Montgomery's simultaneous inversion), for the hard part of the final exponentiation.
/// </content>
internal readonly partial struct Fp12
{
    /// <summary>
    /// The squaring runs between the set bits of |x| = 2⁶³ + 2⁶² + 2⁶⁰ + 2⁵⁷ + 2⁴⁸ + 2¹⁶, lowest
    /// first: after them the compressed value holds this^(2¹⁶), this^(2⁴⁸), …, this^(2⁶³).
    /// </summary>
    private static ReadOnlySpan<int> ExpByXRuns => [16, 32, 9, 3, 2, 1];

    /// <summary>
    /// this^x for the BLS parameter x = −0xd201000000010000, valid in the cyclotomic subgroup
    /// (where the inverse is the conjugate). All 63 squarings are Karabina compressed squarings
    /// (six F_p² squarings each, against nine for Granger–Scott); the six powers this^(2^k) for the
    /// set bits k of |x| are decompressed together with one F_p² inversion (Montgomery's trick:
    /// 15 F_p² multiplications instead of five more inversions), then multiplied (5 F_p¹² products).
    /// </summary>
    /// <remarks>
    /// Variable time (branches on zero slots, <see cref="Fp2.InverseVariableTime"/>): public values
    /// only (pairings). When a decompression is undefined (z2 = z3 = 0, e.g. for the identity) it
    /// falls back to <see cref="CyclotomicExpByXRunByRun"/>.
    /// </remarks>
    public Fp12 CyclotomicExpByX()
    {
        var runs = ExpByXRuns;
        Span<Fp2> slots = stackalloc Fp2[4 * 6];
        Span<Fp2> numerators = stackalloc Fp2[6];
        Span<Fp2> denominators = stackalloc Fp2[6];
        var z2 = C1.C0;
        var z3 = C0.C2;
        var z4 = C0.C1;
        var z5 = C1.C2;
        for (var k = 0; k < runs.Length; k++)
        {
            CompressedSquareRepeated(ref z2, ref z3, ref z4, ref z5, runs[k]);
            if (!TryRecoveryFraction(z2, z3, z4, z5, out numerators[k], out denominators[k]))
            {
                return CyclotomicExpByXRunByRun();
            }

            slots[4 * k] = z2;
            slots[(4 * k) + 1] = z3;
            slots[(4 * k) + 2] = z4;
            slots[(4 * k) + 3] = z5;
        }

        // prefix[k] = d0·…·dk; one inversion of the whole product, then walk back.
        Span<Fp2> prefix = stackalloc Fp2[6];
        prefix[0] = denominators[0];
        for (var k = 1; k < runs.Length; k++)
        {
            prefix[k] = prefix[k - 1] * denominators[k];
        }

        var inverse = prefix[^1].InverseVariableTime();
        var result = One;
        for (var k = runs.Length - 1; k >= 0; k--)
        {
            var inverseOfK = k == 0 ? inverse : inverse * prefix[k - 1];
            inverse *= denominators[k];
            var power = Decompress(numerators[k] * inverseOfK, slots[4 * k], slots[(4 * k) + 1], slots[(4 * k) + 2], slots[(4 * k) + 3]);
            result = k == runs.Length - 1 ? power : result * power;
        }

        return result.Conjugate();
    }
}
