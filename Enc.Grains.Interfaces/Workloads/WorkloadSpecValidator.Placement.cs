namespace Enc.Grains.Interfaces.Workloads;

/// <summary>Priority, affinity, spread and topology rules of <see cref="WorkloadSpecValidator"/>.</summary>
public sealed partial class WorkloadSpecValidator
{
    /// <summary>Highest priority a workload may declare (lowest is the negation).</summary>
    public const int MaxPriority = 1_000_000_000;

    private static void ValidateTolerationSeconds(WorkloadToleration t, string path, List<WorkloadSpecError> errors)
    {
        if (t.TolerationSeconds is not { } seconds)
        {
            return;
        }

        if (seconds < 0)
        {
            Add(errors, path + ".tolerationSeconds", $"{seconds} must not be negative");
        }

        if (t.Effect is not (TaintEffect.NoExecute or TaintEffect.Invalid))
        {
            Add(errors, path + ".tolerationSeconds", "only applies to the NoExecute effect");
        }
    }

    private static void ValidatePlacementRules(WorkloadScheduling scheduling, List<WorkloadSpecError> errors)
    {
        if (scheduling.Priority is < -MaxPriority or > MaxPriority)
        {
            Add(errors, "scheduling.priority", $"{scheduling.Priority} is out of range -{MaxPriority}..{MaxPriority}");
        }

        ValidateNodeAffinity(scheduling.NodeAffinity, errors);
        ValidateAffinityRules(scheduling.Affinity, "scheduling.affinity", errors);
        ValidateAffinityRules(scheduling.AntiAffinity, "scheduling.antiAffinity", errors);
        if (scheduling.ZoneSpreadMaxSkew < 0)
        {
            Add(errors, "scheduling.zoneSpread.maxSkew", $"{scheduling.ZoneSpreadMaxSkew} must be at least 1 (or omitted)");
        }

        for (var i = 0; i < scheduling.CommunicatesWith.Count; i++)
        {
            var id = scheduling.CommunicatesWith[i];
            var parts = id?.Split('/') ?? [];
            if (parts.Length is < 1 or > 2 || !parts.All(WorkloadNameRules.IsDnsLabel))
            {
                Add(errors, $"scheduling.communicatesWith[{i}]", $"'{id}' is not a workload name or namespace/name");
            }
        }
    }

    private static void ValidateAffinityRules(IReadOnlyList<WorkloadAffinityRule> rules, string path, List<WorkloadSpecError> errors)
    {
        for (var i = 0; i < rules.Count; i++)
        {
            var rulePath = $"{path}[{i}]";
            if (rules[i] is not { } rule)
            {
                Add(errors, rulePath, "must not be null");
                continue;
            }

            if (rule.MatchLabels.Count == 0 && rule.MatchExpressions.Count == 0)
            {
                Add(errors, rulePath + ".matchLabels", "must name at least one label (or give matchExpressions)");
            }

            ValidateLabels(rule.MatchLabels, rulePath + ".matchLabels", errors, allowReserved: true);
            ValidateExpressions(rule.MatchExpressions, rulePath + ".matchExpressions", errors);
            if (rule.Topology is not (AffinityTopology.Node or AffinityTopology.Zone))
            {
                Add(errors, rulePath + ".topology", "must be node or zone");
            }

            if (rule.Weight is < 0 or > 100)
            {
                Add(errors, rulePath + ".weight", $"{rule.Weight} is out of range 0 (required) to 100");
            }
        }
    }

    private static void ValidateNodeAffinity(IReadOnlyList<NodeAffinityTerm> terms, List<WorkloadSpecError> errors)
    {
        for (var i = 0; i < terms.Count; i++)
        {
            var path = $"scheduling.nodeAffinity[{i}]";
            if (terms[i] is not { } term)
            {
                Add(errors, path, "must not be null");
                continue;
            }

            if (term.MatchExpressions.Count == 0)
            {
                Add(errors, path + ".matchExpressions", "must hold at least one expression");
            }

            ValidateExpressions(term.MatchExpressions, path + ".matchExpressions", errors);
            if (term.Weight is < 0 or > 100)
            {
                Add(errors, path + ".weight", $"{term.Weight} is out of range 0 (required) to 100");
            }
        }
    }

    private static void ValidateExpressions(IReadOnlyList<LabelRequirement> expressions, string path, List<WorkloadSpecError> errors)
    {
        for (var i = 0; i < expressions.Count; i++)
        {
            var itemPath = $"{path}[{i}]";
            if (expressions[i] is not { } e)
            {
                Add(errors, itemPath, "must not be null");
                continue;
            }

            if (!WorkloadNameRules.IsLabelKey(e.Key))
            {
                Add(errors, itemPath + ".key", $"'{e.Key}' is not a valid label key");
            }

            switch (e.Operator)
            {
                case LabelRequirementOperator.In or LabelRequirementOperator.NotIn:
                    if (e.Values.Count == 0)
                    {
                        Add(errors, itemPath + ".values", $"{e.Operator} needs at least one value");
                    }

                    foreach (var value in e.Values.Where(v => !WorkloadNameRules.IsLabelValue(v)))
                    {
                        Add(errors, itemPath + ".values", $"'{value}' is not a valid label value");
                    }

                    break;
                case LabelRequirementOperator.Exists or LabelRequirementOperator.DoesNotExist:
                    if (e.Values.Count > 0)
                    {
                        Add(errors, itemPath + ".values", $"must be empty with {e.Operator}");
                    }

                    break;
                default:
                    Add(errors, itemPath + ".operator", "must be In, NotIn, Exists or DoesNotExist");
                    break;
            }
        }
    }
}
