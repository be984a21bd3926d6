using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics.X86;

namespace Enc.Crypto.Bls.Fields;

/// <summary>
/// Carry-propagating 64-bit limb primitives shared by the Montgomery fields. Every helper is
/// branch-free: carries and borrows are comparisons turned into values with
/// <c>Unsafe.BitCast&lt;bool, byte&gt;</c> (<c>setcc</c>), never conditional expressions, which RyuJIT
/// compiles to <c>setcc</c>/<c>cmov</c> only where it if-converts — not inside loops, so code inlined
/// into a loop over secret data would branch (docs/crypto.md, session 7). <see cref="MultiplyAdd(ulong, ulong, ulong, out ulong)"/>
/// is the exception, for speed, and is used only in loop-free methods.
/// </summary>
internal static class LimbArithmetic
{
    /// <summary>Returns the low word of <c>a + b + carry</c> and sets <paramref name="carry"/> to the carry out (0 or 1).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong AddWithCarry(ulong a, ulong b, ref ulong carry)
    {
        var sum = a + b;
        ulong carryOut = Unsafe.BitCast<bool, byte>(sum < a);
        var total = sum + carry;
        carry = Unsafe.BitCast<bool, byte>(total < sum) | carryOut;
        return total;
    }

    /// <summary>Returns the low word of <c>a - b - borrow</c> and sets <paramref name="borrow"/> to the borrow out (0 or 1).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong SubtractWithBorrow(ulong a, ulong b, ref ulong borrow)
    {
        var diff = a - b;
        ulong borrowOut = Unsafe.BitCast<bool, byte>(a < b);
        var total = diff - borrow;
        borrow = Unsafe.BitCast<bool, byte>(diff < borrow) | borrowOut;
        return total;
    }

    /// <summary>Returns the high word of <c>a·b + c</c> and writes its low word to <paramref name="lo"/>.</summary>
    /// <remarks>
    /// The carry is folded in as <c>carry ? hi + 1 : hi</c>, which optimized RyuJIT code turns into
    /// <c>lea</c> + <c>cmp</c> + <c>cmov</c> (no jump; checked with <c>DOTNET_JitDisasm</c>, see
    /// docs/crypto.md) instead of <c>cmp</c> + <c>setb</c> + <c>movzx</c> + <c>add</c>: one instruction and
    /// two dependent steps fewer per carry, 1.15–1.25× on F_p multiplication. RyuJIT does not
    /// if-convert inside loops, so this form is used only in the loop-free products (<c>Fp *</c>,
    /// <c>Fp.Square</c>, <c>Fp.SumOfProducts</c>), whose listings ConstantTimeListingTests checks.
    /// </remarks>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong MultiplyAdd(ulong a, ulong b, ulong c, out ulong lo)
    {
        var hi = MultiplyHigh(a, b);
        var l = a * b + c;
        hi = l < c ? hi + 1 : hi;
        lo = l;
        return hi;
    }

    /// <summary>Returns the high word of <c>a·b + c + d</c> (which never overflows 128 bits) and writes its low word to <paramref name="lo"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong MultiplyAdd(ulong a, ulong b, ulong c, ulong d, out ulong lo)
    {
        var hi = MultiplyHigh(a, b);
        var l = a * b + c;
        hi = l < c ? hi + 1 : hi;
        l += d;
        hi = l < d ? hi + 1 : hi;
        lo = l;
        return hi;
    }

    /// <summary>
    /// The carry word of m·p0 + t in a Montgomery reduction step, where m = t·(−p⁻¹) mod 2⁶⁴ makes
    /// the low word vanish: low(m·p0) = −t mod 2⁶⁴, so the addition carries exactly when t ≠ 0.
    /// Saves the low multiplication and the carry comparison. Branch-free.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong MontgomeryStepCarry(ulong m, ulong p0, ulong t) => MultiplyHigh(m, p0) + (t != 0 ? 1UL : 0UL);

    /// <summary>
    /// The high word of a·b. With BMI2 this is a single <c>mulx</c> whose low output is discarded;
    /// callers take the low word from a plain 64-bit multiply. Both stay in registers, whereas
    /// <see cref="Math.BigMul(ulong, ulong, out ulong)"/> routes the low word through memory.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong MultiplyHigh(ulong a, ulong b) =>
        Bmi2.X64.IsSupported ? Bmi2.X64.MultiplyNoFlags(a, b) : Math.BigMul(a, b, out _);

    /// <summary>
    /// Reads a limb from memory at its point of use. The JIT would otherwise load each operand limb
    /// once and keep it alive across all six rounds of a Montgomery product, running out of
    /// registers and spilling it to the stack (a store plus a reload, where one reload would do):
    /// a volatile read is never merged with another read of the same limb. On x64 it is a plain load;
    /// on arm64 it would be a load-acquire (<c>ldar</c>), neither measured nor tuned there. This steers
    /// the current RyuJIT's code generation (checked with <c>DOTNET_JitDisasm</c>, .NET 10.0.12);
    /// re-measure when the runtime changes.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong ReadAtUse(in ulong limb) => Volatile.Read(ref Unsafe.AsRef(in limb));

    /// <summary>All-ones when <paramref name="bit"/> is 1, zero when it is 0.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong MaskFromBit(ulong bit) => 0UL - bit;
}
