namespace Enc.Crypto.Bls.Fields;

/// <summary>
/// The operations a coordinate field must offer so that one generic implementation of the
/// projective curve formulas serves both G1 (over F_p) and G2 (over F_p²). Value-type generics are
/// specialised by the JIT, so the abstraction costs nothing at run time.
/// </summary>
/// <typeparam name="T">The field element type.</typeparam>
internal interface ICurveField<T> : IEquatable<T>
    where T : struct, ICurveField<T>
{
    /// <summary>The additive identity.</summary>
    static abstract T Zero { get; }

    /// <summary>The multiplicative identity.</summary>
    static abstract T One { get; }

    /// <summary>True when the element is zero.</summary>
    bool IsZero { get; }

    static abstract T operator +(in T a, in T b);

    static abstract T operator -(in T a, in T b);

    static abstract T operator -(in T a);

    static abstract T operator *(in T a, in T b);

    static abstract bool operator ==(in T a, in T b);

    static abstract bool operator !=(in T a, in T b);

    /// <summary>Returns <paramref name="b"/> when <paramref name="choice"/> is true, else <paramref name="a"/>, without branching.</summary>
    static abstract T ConditionalSelect(in T a, in T b, bool choice);

    /// <summary>The element squared.</summary>
    T Square();

    /// <summary>The element doubled.</summary>
    T Double();

    /// <summary>The multiplicative inverse (zero maps to zero).</summary>
    T Inverse();

    /// <summary>
    /// The element times 3·b, where b is the constant of the BLS12-381 curve defined over this
    /// field (4 for G1 over F_p, 4(u+1) for G2 over F_p²). Used by the complete addition formulas.
    /// </summary>
    T MulByCurveB3();

    /// <summary>The element times b, the constant of the BLS12-381 curve over this field.</summary>
    T MulByCurveB();
}
