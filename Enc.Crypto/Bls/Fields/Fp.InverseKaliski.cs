using System.Numerics;

namespace Enc.Crypto.Bls.Fields;

/// <content>TEMPORARY, for the same-run A/B benchmark only: the previous Kaliski inverse.</content>
internal readonly partial struct Fp
{
    private const int Limbs = 6;

    /// <summary>
    /// Corrections[k] holds, as raw limbs, R³·2⁻ᵏ mod p: one Montgomery multiplication by it turns
    /// (aR)⁻¹·2ᵏ into the Montgomery form a⁻¹R. Kaliski's phase one ends with 381 ≤ k ≤ 762.
    /// </summary>
    private static readonly Lazy<Fp[]> Corrections = new(BuildCorrections);

    /// <summary>
    /// The multiplicative inverse (zero maps to zero) by the binary "almost Montgomery inverse"
    /// (Kaliski, IEEE Trans. Computers 44(8), 1995): about 1.4·381 shift/subtract steps on six limbs
    /// and one multiplication, several times faster than <see cref="Inverse"/>'s exponentiation.
    /// </summary>
    /// <remarks>
    /// <b>Not constant time</b>: the number of steps and every branch depend on the value. Use only
    /// for public data (verification, decoding, pairing inputs); secret-derived values use <see cref="Inverse"/>.
    /// </remarks>
    public Fp InverseKaliski()
    {
        if (IsZero)
        {
            return Zero;
        }

        Span<ulong> u = [FpConstants.P0, FpConstants.P1, FpConstants.P2, FpConstants.P3, FpConstants.P4, FpConstants.P5];
        Span<ulong> v = [L0, L1, L2, L3, L4, L5];
        Span<ulong> r = [0, 0, 0, 0, 0, 0];
        Span<ulong> s = [1, 0, 0, 0, 0, 0];
        var k = 0;

        // Invariants: p = u·s + v·r, 0 < r, s < 2p < 2³⁸⁴ (so six limbs never overflow).
        while (!IsZeroLimbs(v))
        {
            if ((u[0] & 1) == 0)
            {
                ShiftRight(u);
                ShiftLeft(s);
            }
            else if ((v[0] & 1) == 0)
            {
                ShiftRight(v);
                ShiftLeft(r);
            }
            else if (IsGreater(u, v))
            {
                Subtract(u, v);
                ShiftRight(u);
                Add(r, s);
                ShiftLeft(s);
            }
            else
            {
                Subtract(v, u);
                ShiftRight(v);
                Add(s, r);
                ShiftLeft(r);
            }

            k++;
        }

        // r ∈ [0, 2p): bring it below p; then p − r = (aR)⁻¹·2ᵏ mod p.
        Span<ulong> modulus = [FpConstants.P0, FpConstants.P1, FpConstants.P2, FpConstants.P3, FpConstants.P4, FpConstants.P5];
        if (!IsGreater(modulus, r))
        {
            Subtract(r, modulus);
        }

        Subtract(modulus, r);
        return new Fp(modulus[0], modulus[1], modulus[2], modulus[3], modulus[4], modulus[5]) * Corrections.Value[k];
    }

    private static Fp[] BuildCorrections()
    {
        var p = FpConstants.Modulus;
        var half = (p + 1) / 2;
        var table = new Fp[(2 * 384) + 1];
        var value = BigInteger.ModPow(FpConstants.R, 3, p);
        for (var k = 0; k < table.Length; k++)
        {
            table[k] = FromRawLimbs(BigIntegerLimbs.ToLimbs(value, Limbs));
            value = value * half % p;
        }

        return table;
    }

    private static bool IsZeroLimbs(ReadOnlySpan<ulong> a) => (a[0] | a[1] | a[2] | a[3] | a[4] | a[5]) == 0;

    private static bool IsGreater(ReadOnlySpan<ulong> a, ReadOnlySpan<ulong> b)
    {
        for (var i = Limbs - 1; i >= 0; i--)
        {
            if (a[i] != b[i])
            {
                return a[i] > b[i];
            }
        }

        return false;
    }

    /// <summary>a ← a − b (a ≥ b).</summary>
    private static void Subtract(Span<ulong> a, ReadOnlySpan<ulong> b)
    {
        var borrow = 0UL;
        for (var i = 0; i < Limbs; i++)
        {
            a[i] = LimbArithmetic.SubtractWithBorrow(a[i], b[i], ref borrow);
        }
    }

    /// <summary>a ← a + b (the sum stays below 2³⁸⁴).</summary>
    private static void Add(Span<ulong> a, ReadOnlySpan<ulong> b)
    {
        var carry = 0UL;
        for (var i = 0; i < Limbs; i++)
        {
            a[i] = LimbArithmetic.AddWithCarry(a[i], b[i], ref carry);
        }
    }

    private static void ShiftRight(Span<ulong> a)
    {
        for (var i = 0; i < Limbs - 1; i++)
        {
            a[i] = (a[i] >> 1) | (a[i + 1] << 63);
        }

        a[Limbs - 1] >>= 1;
    }

    private static void ShiftLeft(Span<ulong> a)
    {
        for (var i = Limbs - 1; i > 0; i--)
        {
            a[i] = (a[i] << 1) | (a[i - 1] >> 63);
        }

        a[0] <<= 1;
    }
}
