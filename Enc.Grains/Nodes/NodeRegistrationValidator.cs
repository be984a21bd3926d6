using Enc.Grains.Interfaces.Nodes;

namespace Enc.Grains.Nodes;

/// <summary>Rejects registrations whose fields are out of range, naming the field.</summary>
public static class NodeRegistrationValidator
{
    /// <summary>Returns the first problem with <paramref name="registration"/>, or null when it is valid.</summary>
    public static string? Validate(NodeRegistration registration)
    {
        if (registration.Capabilities is null)
        {
            return $"{nameof(NodeRegistration.Capabilities)} is required.";
        }

        if (registration.Capacity is null || !registration.Capacity.IsNonNegative)
        {
            return $"{nameof(NodeRegistration.Capacity)} must be present and not negative.";
        }

        if (string.IsNullOrWhiteSpace(registration.Address))
        {
            return $"{nameof(NodeRegistration.Address)} is required.";
        }

        if (registration.ConsensusWeight < 1)
        {
            return $"{nameof(NodeRegistration.ConsensusWeight)} must be at least 1 (got {registration.ConsensusWeight}).";
        }

        if (registration.PublicKey is { } key && key.Length != 48)
        {
            return $"{nameof(NodeRegistration.PublicKey)} must be a 48-byte compressed BLS12-381 G1 point (got {key.Length} bytes).";
        }

        if (registration.PublicKey is not null && registration.ProofOfPossession is not { Length: 96 })
        {
            return $"{nameof(NodeRegistration.ProofOfPossession)} must be a 96-byte BLS signature when {nameof(NodeRegistration.PublicKey)} is set.";
        }

        return null;
    }

    /// <summary>Throws <see cref="ArgumentException"/> naming the invalid field.</summary>
    public static void ThrowIfInvalid(NodeRegistration registration)
    {
        if (Validate(registration) is { } problem)
        {
            throw new ArgumentException(problem, nameof(registration));
        }
    }
}
