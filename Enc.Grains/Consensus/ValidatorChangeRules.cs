using Enc.Consensus.Validators;
using Enc.Grains.Interfaces.Consensus;

namespace Enc.Grains.Consensus;

/// <summary>
/// Checks an <c>enc validator add|remove|weight</c> request against the registered keys and the
/// scheduled validator set and builds its <see cref="ValidatorSetChange"/>; errors name the field.
/// </summary>
public static class ValidatorChangeRules
{
    /// <summary>The registration of the request's node.</summary>
    /// <exception cref="ArgumentException">The request is malformed or the node has no registered key.</exception>
    public static ValidatorRegistration Registration(ValidatorChangeRequest request, IReadOnlyDictionary<string, ValidatorRegistration> registrations)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.Kind is not (ValidatorChangeKind.Add or ValidatorChangeKind.Remove or ValidatorChangeKind.Weight))
        {
            throw new ArgumentException($"kind: '{request.Kind}' is not add, remove or weight.", nameof(request));
        }

        if (string.IsNullOrWhiteSpace(request.NodeName))
        {
            throw new ArgumentException("nodeName: must not be empty.", nameof(request));
        }

        return registrations.TryGetValue(request.NodeName, out var registration)
            ? registration
            : throw new ArgumentException($"nodeName: node '{request.NodeName}' has no registered consensus key (its silo has not started a validator).", nameof(request));
    }

    /// <summary>The change for <paramref name="request"/> and the request as accepted (Add with its resolved weight).</summary>
    /// <exception cref="ArgumentException">The change is invalid for the scheduled set.</exception>
    public static (ValidatorSetChange Change, ValidatorChangeRequest Accepted) Build(
        ValidatorChangeRequest request, ValidatorRegistration registration, IReadOnlyList<ValidatorInfo> scheduled)
    {
        var key = new ValidatorKey(registration.PublicKey);
        var member = scheduled.Any(v => string.Equals(v.PublicKey, key.ToHex(), StringComparison.Ordinal));
        switch (request.Kind)
        {
            case ValidatorChangeKind.Add:
                var weight = request.Weight == 0 ? Math.Max(1, registration.Weight) : request.Weight;
                RequirePositive(weight);
                Require(!member, $"nodeName: node '{request.NodeName}' is already a validator.");
                return (ValidatorSetChange.Add(key, weight, registration.ProofOfPossession), request with { Weight = weight });
            case ValidatorChangeKind.Remove:
                Require(member, $"nodeName: node '{request.NodeName}' is not a validator.");
                Require(scheduled.Count > 1, "nodeName: the last validator cannot be removed.");
                return (ValidatorSetChange.Remove(key), request with { Weight = 0 });
            default:
                RequirePositive(request.Weight);
                Require(member, $"nodeName: node '{request.NodeName}' is not a validator.");
                return (ValidatorSetChange.SetWeight(key, request.Weight), request);
        }
    }

    private static void RequirePositive(long weight) => Require(weight > 0, $"weight: {weight} must be greater than 0 (use remove to drop a validator).");

    private static void Require(bool condition, string message)
    {
        if (!condition)
        {
            throw new ArgumentException(message);
        }
    }
}
