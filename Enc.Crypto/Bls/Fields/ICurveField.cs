namespace Enc.Crypto.Bls.Fields;

/// <summary>
/// A coordinate field of a BLS12-381 curve: F_p for G1, F_p² for G2. Adds the curve constant so
/// that one generic implementation of the projective formulas serves both groups.
/// </summary>
/// <typeparam name="T">The field element type.</typeparam>
internal interface ICurveField<T> : IField<T>
    where T : struct, ICurveField<T>
{
    /// <summary>
    /// The element times 3·b, where b is the constant of the BLS12-381 curve defined over this
    /// field (4 for G1 over F_p, 4(u+1) for G2 over F_p²). Used by the complete addition formulas.
    /// </summary>
    T MulByCurveB3();

    /// <summary>The element times b, the constant of the BLS12-381 curve over this field.</summary>
    T MulByCurveB();
}
