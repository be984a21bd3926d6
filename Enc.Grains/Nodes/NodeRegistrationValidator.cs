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
