using System.Runtime.CompilerServices;

namespace Enc.Crypto.Bls.Fields;

/// <content>
/// Arithmetic specialised to the cyclotomic subgroup G_Φ12(p) (elements with f^(p⁴−p²+1) = 1,
/// which is where every value lands after the easy part of the final exponentiation).
/// </content>
internal readonly partial struct Fp12
{
    /// <summary>
    /// Granger–Scott squaring ("Faster squaring in the cyclotomic subgroup of sixth degree
    /// extensions", PKC 2010): valid only for elements of the cyclotomic subgroup; about half the
    /// cost of <see cref="Square"/>. Views F_p¹² as F_p⁴³ and squares three F_p⁴ elements.
    /// </summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    public Fp12 CyclotomicSquare()
    {
        // Slots of the F_p⁴ view: (z0, z1), (z2, z3), (z4, z5).
        var z0 = C0.C0;
        var z4 = C0.C1;
        var z3 = C0.C2;
        var z2 = C1.C0;
        var z1 = C1.C1;
        var z5 = C1.C2;

        var (a0, a1) = Fp4Square(z0, z1);
        z0 = a0 - z0;
        z0 = z0.Double() + a0;
        z1 = a1 + z1;
        z1 = z1.Double() + a1;

        var (b0, b1) = Fp4Square(z2, z3);
        var (c0, c1) = Fp4Square(z4, z5);

        z4 = b0 - z4;
        z4 = z4.Double() + b0;
        z5 = b1 + z5;
        z5 = z5.Double() + b1;

        var t = c1.MulByNonResidue();
        z2 = t + z2;
        z2 = z2.Double() + t;
        z3 = c0 - z3;
        z3 = z3.Double() + c0;

        return new Fp12(new Fp6(z0, z4, z3), new Fp6(z2, z1, z5));
    }

    /// <summary>
    /// this^x for the BLS parameter x = −0xd201000000010000, valid in the cyclotomic subgroup
    /// (where the inverse is the conjugate): 63 squarings and 5 multiplications, run by run. The
    /// two long runs of squarings (32 and 16) use Karabina's compressed squaring with one
    /// decompression each, the short ones Granger–Scott. The straightforward form: the test oracle
    /// of <see cref="CyclotomicExpByX"/> and its fallback when a batched decompression is undefined.
    /// </summary>
    /// <remarks>Variable time (see <see cref="CyclotomicSquareRepeatedVariableTime"/>): public values only (pairings).</remarks>
    internal Fp12 CyclotomicExpByXRunByRun()
    {
        const ulong absX = 0xd201000000010000;
        var acc = this;
        var pending = 0;
        for (var bit = 62; bit >= 0; bit--)
        {
            pending++;
            if (((absX >> bit) & 1) == 1)
            {
                acc = acc.CyclotomicSquareRun(pending) * this;
                pending = 0;
            }
        }

        return acc.CyclotomicSquareRun(pending).Conjugate();
    }

    /// <summary>
    /// this^(2^count): compressed squaring pays for its one inversion from about a dozen squarings on.
    /// </summary>
    private Fp12 CyclotomicSquareRun(int count)
    {
        const int compressedFrom = 12;
        if (count >= compressedFrom)
        {
            return CyclotomicSquareRepeatedVariableTime(count);
        }

        var acc = this;
        for (var i = 0; i < count; i++)
        {
            acc = acc.CyclotomicSquare();
        }

        return acc;
    }

    /// <summary>(a + b·t)² in F_p²[t]/(t² − ξ): returns (a² + ξb², 2ab) using three squarings.</summary>
    private static (Fp2 C0, Fp2 C1) Fp4Square(in Fp2 a, in Fp2 b)
    {
        var a2 = a.Square();
        var b2 = b.Square();
        var c0 = b2.MulByNonResidue() + a2;
        var c1 = (a + b).Square() - a2 - b2;
        return (c0, c1);
    }
}
