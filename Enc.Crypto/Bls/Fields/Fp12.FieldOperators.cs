using System.Runtime.CompilerServices;

namespace Enc.Crypto.Bls.Fields;

/// <content>
/// The <see cref="IField{T}"/> operators implemented explicitly, for generic code (curve formulas,
/// exponentiation). Left implicit, the interface map pointed at compiler-emitted methods named
/// <c>IField&lt;T&gt;.op_Addition</c> and so on (8 bytes of IL each, without the operators' inlining
/// attributes; seen by reflection on .NET 10.0.12), which RyuJIT inlined only at its discretion and,
/// in large callers, called (a call per field addition in the curve formulas). These forward with
/// the attributes kept.
/// </content>
internal readonly partial struct Fp12
{
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    static Fp12 IField<Fp12>.operator +(in Fp12 a, in Fp12 b) => a + b;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    static Fp12 IField<Fp12>.operator -(in Fp12 a, in Fp12 b) => a - b;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    static Fp12 IField<Fp12>.operator -(in Fp12 a) => -a;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    static Fp12 IField<Fp12>.operator *(in Fp12 a, in Fp12 b) => a * b;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    static bool IField<Fp12>.operator ==(in Fp12 a, in Fp12 b) => a == b;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    static bool IField<Fp12>.operator !=(in Fp12 a, in Fp12 b) => a != b;
}
