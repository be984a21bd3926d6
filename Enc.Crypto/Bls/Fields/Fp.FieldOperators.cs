using System.Runtime.CompilerServices;

namespace Enc.Crypto.Bls.Fields;

/// <content>
/// The <see cref="IField{T}"/> operators implemented explicitly, for generic code (curve formulas,
/// exponentiation). Left implicit, the compiler binds them through bridge methods of its own, without
/// the operators' inlining attributes: RyuJIT then inlines the bridges only at its discretion and,
/// in large callers, calls them (a call per field addition). These forward with the attributes kept.
/// </content>
internal readonly partial struct Fp
{
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    static Fp IField<Fp>.operator +(in Fp a, in Fp b) => a + b;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    static Fp IField<Fp>.operator -(in Fp a, in Fp b) => a - b;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    static Fp IField<Fp>.operator -(in Fp a) => -a;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    static Fp IField<Fp>.operator *(in Fp a, in Fp b) => a * b;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    static bool IField<Fp>.operator ==(in Fp a, in Fp b) => a == b;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    static bool IField<Fp>.operator !=(in Fp a, in Fp b) => a != b;
}
