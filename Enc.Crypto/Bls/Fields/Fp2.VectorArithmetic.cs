using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace Enc.Crypto.Bls.Fields;

/// <content>
/// F_p² addition and subtraction on 512-bit vectors. The twelve limbs of an element (c0.L0..L5,
/// c1.L0..L5, 96 contiguous bytes: see the layout note on <see cref="Fp"/>'s limbs) are one 512-bit
/// vector (lanes 0–7) and one 256-bit vector (lanes 8–11). Limbs are added lane-wise; the carries
/// between lanes are resolved from two bit masks with one integer addition (carry-lookahead: lane i
/// generates a carry when its sum wrapped and passes one on when it is all ones, so the carries into
/// the lanes are ((G ≪ 1) + P) ⊕ P). Bits 5 and 11 are the top limbs of c0 and c1: every chain is cut
/// there, so no carry crosses from c0 into c1, and a top limb's carry or borrow out is read separately.
/// Branch-free and table-free: the same instructions run for every value.
/// </content>
internal readonly partial struct Fp2
{
    private const uint TopLimbBits = (1u << 5) | (1u << 11);
    private const uint FirstCoefficientLanes = 0x3F;
    private const uint SecondCoefficientLanes = 0xFC0;

    /// <summary>
    /// True when <see cref="AddVector"/> and <see cref="SubtractVector"/> run on hardware vectors
    /// (AVX-512 here); otherwise the operators use the scalar limb code.
    /// </summary>
    internal static bool VectorArithmeticSupported => Vector512.IsHardwareAccelerated;

    // AddVector and SubtractVector are written out with a few reused locals and only single-argument
    // helpers: they are inlined into large callers, and RyuJIT stops inlining into a method that has
    // reached 512 locals, each nested helper call (out/ref vector parameters especially) adding
    // several temporaries (see the note in Fp.Arithmetic.cs and docs/crypto.md, "Inlining budget").

    /// <summary>a + b: lane-wise sum with its carries, then p subtracted from each coefficient that is ≥ p.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static Fp2 AddVector(in Fp2 a, in Fp2 b)
    {
        ref var al = ref Unsafe.As<Fp2, ulong>(ref Unsafe.AsRef(in a));
        ref var bl = ref Unsafe.As<Fp2, ulong>(ref Unsafe.AsRef(in b));
        var x0 = Vector512.LoadUnsafe(ref al);
        var x1 = Vector256.LoadUnsafe(ref al, 8);
        var s0 = x0 + Vector512.LoadUnsafe(ref bl);
        var s1 = x1 + Vector256.LoadUnsafe(ref bl, 8);

        // Carries between lanes: generated where the lane wrapped (s < x), passed on where it is all ones.
        var generate = ((uint)Vector512.LessThan(s0, x0).ExtractMostSignificantBits() | ((uint)Vector256.LessThan(s1, x1).ExtractMostSignificantBits() << 8)) & ~TopLimbBits;
        var propagate = ((uint)Vector512.Equals(s0, Vector512<ulong>.AllBitsSet).ExtractMostSignificantBits() | ((uint)Vector256.Equals(s1, Vector256<ulong>.AllBitsSet).ExtractMostSignificantBits() << 8)) & ~TopLimbBits;
        generate = ((generate << 1) + propagate) ^ propagate;
        s0 -= LaneMaskLow(generate);
        s1 -= LaneMaskHigh(generate);

        // d = s − p per coefficient with its borrows; a coefficient whose top limb borrowed was below p: keep s.
        x0 = ModulusLow();
        x1 = ModulusHigh();
        generate = ((uint)Vector512.LessThan(s0, x0).ExtractMostSignificantBits() | ((uint)Vector256.LessThan(s1, x1).ExtractMostSignificantBits() << 8));
        propagate = ((uint)Vector512.Equals(s0, x0).ExtractMostSignificantBits() | ((uint)Vector256.Equals(s1, x1).ExtractMostSignificantBits() << 8));
        var borrowIn = (((generate & ~TopLimbBits) << 1) + (propagate & ~TopLimbBits)) ^ (propagate & ~TopLimbBits);
        generate = CoefficientLanes(generate | (propagate & borrowIn));
        x0 = Vector512.ConditionalSelect(LaneMaskLow(generate), s0, s0 - x0 + LaneMaskLow(borrowIn));
        x1 = Vector256.ConditionalSelect(LaneMaskHigh(generate), s1, s1 - x1 + LaneMaskHigh(borrowIn));
        Unsafe.SkipInit(out Fp2 result);
        x0.StoreUnsafe(ref Unsafe.As<Fp2, ulong>(ref result));
        x1.StoreUnsafe(ref Unsafe.As<Fp2, ulong>(ref result), 8);
        return result;
    }

    /// <summary>a − b: lane-wise difference with its borrows, then p added to each coefficient that went negative.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static Fp2 SubtractVector(in Fp2 a, in Fp2 b)
    {
        ref var al = ref Unsafe.As<Fp2, ulong>(ref Unsafe.AsRef(in a));
        ref var bl = ref Unsafe.As<Fp2, ulong>(ref Unsafe.AsRef(in b));
        var x0 = Vector512.LoadUnsafe(ref al);
        var x1 = Vector256.LoadUnsafe(ref al, 8);
        var y0 = Vector512.LoadUnsafe(ref bl);
        var y1 = Vector256.LoadUnsafe(ref bl, 8);

        // Borrows between lanes: generated where x < y, passed on where x = y; bits 5 and 11 say that a
        // coefficient went negative.
        var generate = ((uint)Vector512.LessThan(x0, y0).ExtractMostSignificantBits() | ((uint)Vector256.LessThan(x1, y1).ExtractMostSignificantBits() << 8));
        var propagate = ((uint)Vector512.Equals(x0, y0).ExtractMostSignificantBits() | ((uint)Vector256.Equals(x1, y1).ExtractMostSignificantBits() << 8));
        var borrowIn = (((generate & ~TopLimbBits) << 1) + (propagate & ~TopLimbBits)) ^ (propagate & ~TopLimbBits);
        generate = CoefficientLanes(generate | (propagate & borrowIn));
        x0 = x0 - y0 + LaneMaskLow(borrowIn);
        x1 = x1 - y1 + LaneMaskHigh(borrowIn);

        // Add p to the negative coefficients; the carry out of a top limb is the wrap back into range
        // and is dropped (the chain is cut there).
        y0 = x0 + (ModulusLow() & LaneMaskLow(generate));
        y1 = x1 + (ModulusHigh() & LaneMaskHigh(generate));
        generate = ((uint)Vector512.LessThan(y0, x0).ExtractMostSignificantBits() | ((uint)Vector256.LessThan(y1, x1).ExtractMostSignificantBits() << 8)) & ~TopLimbBits;
        propagate = ((uint)Vector512.Equals(y0, Vector512<ulong>.AllBitsSet).ExtractMostSignificantBits() | ((uint)Vector256.Equals(y1, Vector256<ulong>.AllBitsSet).ExtractMostSignificantBits() << 8)) & ~TopLimbBits;
        generate = ((generate << 1) + propagate) ^ propagate;
        y0 -= LaneMaskLow(generate);
        y1 -= LaneMaskHigh(generate);
        Unsafe.SkipInit(out Fp2 result);
        y0.StoreUnsafe(ref Unsafe.As<Fp2, ulong>(ref result));
        y1.StoreUnsafe(ref Unsafe.As<Fp2, ulong>(ref result), 8);
        return result;
    }

    /// <summary>All six lanes of each coefficient whose top-limb bit (5 or 11) is set in <paramref name="bits"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static uint CoefficientLanes(uint bits) =>
        (FirstCoefficientLanes & (0u - ((bits >> 5) & 1))) | (SecondCoefficientLanes & (0u - ((bits >> 11) & 1)));

    /// <summary>p's limbs in lanes 0–7 (c0's six, then c1's first two); built from constants, so the JIT folds it.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector512<ulong> ModulusLow() => Vector512.Create(
        FpConstants.P0, FpConstants.P1, FpConstants.P2, FpConstants.P3, FpConstants.P4, FpConstants.P5, FpConstants.P0, FpConstants.P1);

    /// <summary>p's limbs in lanes 8–11 (c1's last four).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<ulong> ModulusHigh() => Vector256.Create(FpConstants.P2, FpConstants.P3, FpConstants.P4, FpConstants.P5);

    /// <summary>All-ones in lanes 0–7 whose bit is set, zero elsewhere.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector512<ulong> LaneMaskLow(uint bits)
    {
        return Vector512.Equals(
            Vector512.Create((ulong)bits) & Vector512.Create(1UL, 2, 4, 8, 16, 32, 64, 128), Vector512.Create(1UL, 2, 4, 8, 16, 32, 64, 128));
    }

    /// <summary>All-ones in lanes 8–11 whose bit is set, zero elsewhere.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<ulong> LaneMaskHigh(uint bits)
    {
        return Vector256.Equals(Vector256.Create((ulong)(bits >> 8)) & Vector256.Create(1UL, 2, 4, 8), Vector256.Create(1UL, 2, 4, 8));
    }
}
