namespace Enc.Crypto.Bls.Fields;

/// <content>Variable-time inversion for public values (Bernstein–Yang division steps).</content>
internal readonly partial struct Fp
{
    /// <summary>
    /// The multiplicative inverse (zero maps to zero) by Bernstein–Yang division steps in batches
    /// of 62 on 64-bit words (<see cref="BernsteinYangInverse"/>); the result is the same element
    /// as <see cref="Inverse"/>'s, in a fraction of the time.
    /// </summary>
    /// <remarks>
    /// <b>Not constant time</b>: the number of batches and every branch inside them depend on the
    /// value. Use only for public data (verification, decoding, pairing inputs); secret-derived
    /// values use <see cref="Inverse"/> or the blinded <see cref="InverseBlinded"/>.
    /// </remarks>
    public Fp InverseVariableTime() => IsZero ? Zero : BernsteinYangInverse.InvertMontgomery(this);
}
