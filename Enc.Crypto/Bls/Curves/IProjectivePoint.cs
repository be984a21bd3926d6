namespace Enc.Crypto.Bls.Curves;

/// <summary>
/// The group operations shared by <see cref="G1Projective"/> and <see cref="G2Projective"/>, so
/// that scalar multiplication and multi-scalar multiplication are written once.
/// </summary>
/// <typeparam name="TSelf">The point type.</typeparam>
internal interface IProjectivePoint<TSelf> : IEquatable<TSelf>
    where TSelf : unmanaged, IProjectivePoint<TSelf>
{
    /// <summary>The point at infinity (the group identity).</summary>
    static abstract TSelf Identity { get; }

    /// <summary>True when this is the identity.</summary>
    bool IsIdentity { get; }

    static abstract TSelf operator +(in TSelf a, in TSelf b);

    static abstract TSelf operator -(in TSelf a);

    /// <summary>The point doubled.</summary>
    TSelf Double();

    /// <summary>Returns <paramref name="b"/> when <paramref name="choice"/> is true, else <paramref name="a"/>, without branching.</summary>
    static abstract TSelf ConditionalSelect(in TSelf a, in TSelf b, bool choice);
}
