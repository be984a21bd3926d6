namespace Enc.Crypto.Bls.Fields;

/// <summary>
/// The operations every field of the tower (F_p, F_p², F_p⁶, F_p¹²) offers, so that generic code
/// (exponentiation, curve formulas) is written once. Value-type generics are specialised by the
/// JIT, so the abstraction costs nothing at run time.
/// </summary>
/// <typeparam name="T">The field element type.</typeparam>
internal interface IField<T> : IEquatable<T>
    where T : struct, IField<T>
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
}
