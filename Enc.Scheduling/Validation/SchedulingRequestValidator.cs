namespace Enc.Scheduling.Validation;

/// <summary>Checks a <see cref="SchedulingRequest"/>; every error names the field (e.g. <c>Tolerations[1].Value</c>).</summary>
public static class SchedulingRequestValidator
{
    /// <summary>Every invalid field of <paramref name="request"/>; empty when valid.</summary>
    public static IReadOnlyList<ValidationError> Validate(SchedulingRequest request, AlgorithmRegistry algorithms)
    {
        List<ValidationError>? errors = null;
        void Add(string field, string message) => (errors ??= []).Add(new ValidationError(field, message));

        if (string.IsNullOrEmpty(request.WorkloadId))
        {
            Add(nameof(request.WorkloadId), "must not be empty");
        }

        if (string.IsNullOrEmpty(request.Namespace))
        {
            Add(nameof(request.Namespace), "must not be empty");
        }

        if (request.Resources.HasNegative)
        {
            Add(nameof(request.Resources), "must not be negative");
        }

        if (request.Replicas < 1)
        {
            Add(nameof(request.Replicas), "must be at least 1");
        }

        if (request.FirstReplicaIndex < 0)
        {
            Add(nameof(request.FirstReplicaIndex), "must not be negative");
        }

        if (request.SubmissionSequence < 0)
        {
            Add(nameof(request.SubmissionSequence), "must not be negative");
        }

        if (request.Algorithm is { } algorithm && !algorithms.Contains(algorithm))
        {
            Add(nameof(request.Algorithm), $"'{algorithm}' is not a registered algorithm ({string.Join(", ", algorithms.Names)})");
        }

        if (request.ResourceStrategy is { } strategy && strategy is not (ResourceStrategyNames.Binpack or ResourceStrategyNames.Spread))
        {
            Add(nameof(request.ResourceStrategy), $"'{strategy}' must be 'binpack' or 'spread'");
        }

        for (var t = 0; t < request.RequiredNodeAffinity.Count; t++)
        {
            CheckExpressions($"{nameof(request.RequiredNodeAffinity)}[{t}].{nameof(NodeSelectorTerm.Expressions)}", request.RequiredNodeAffinity[t].Expressions, Add);
        }

        for (var t = 0; t < request.PreferredNodeAffinity.Count; t++)
        {
            var field = $"{nameof(request.PreferredNodeAffinity)}[{t}]";
            CheckWeight(field, request.PreferredNodeAffinity[t].Weight, Add);
            CheckExpressions($"{field}.{nameof(PreferredNodeAffinityTerm.Term)}.{nameof(NodeSelectorTerm.Expressions)}", request.PreferredNodeAffinity[t].Term.Expressions, Add);
        }

        CheckTerms(nameof(request.RequiredWorkloadAffinity), request.RequiredWorkloadAffinity, weighted: false, Add);
        CheckTerms(nameof(request.RequiredWorkloadAntiAffinity), request.RequiredWorkloadAntiAffinity, weighted: false, Add);
        CheckTerms(nameof(request.PreferredWorkloadAffinity), request.PreferredWorkloadAffinity, weighted: true, Add);
        CheckTerms(nameof(request.PreferredWorkloadAntiAffinity), request.PreferredWorkloadAntiAffinity, weighted: true, Add);

        for (var i = 0; i < request.Tolerations.Count; i++)
        {
            var toleration = request.Tolerations[i];
            var field = $"{nameof(request.Tolerations)}[{i}]";
            if (toleration.Operator == TolerationOperator.Unknown)
            {
                Add($"{field}.{nameof(Toleration.Operator)}", "must be Equal or Exists");
            }
            else if (toleration.Operator == TolerationOperator.Exists && toleration.Value.Length > 0)
            {
                Add($"{field}.{nameof(Toleration.Value)}", "must be empty with operator Exists");
            }
            else if (toleration.Operator == TolerationOperator.Equal && toleration.Key.Length == 0)
            {
                Add($"{field}.{nameof(Toleration.Key)}", "must not be empty with operator Equal");
            }

            if (toleration.TolerationSeconds is not null && toleration.Effect != TaintEffect.NoExecute)
            {
                Add($"{field}.{nameof(Toleration.TolerationSeconds)}", "only applies to effect NoExecute");
            }
        }

        if (request.ZoneSpread is { MaxSkew: < 1 })
        {
            Add($"{nameof(request.ZoneSpread)}.{nameof(ZoneSpreadConstraint.MaxSkew)}", "must be at least 1");
        }

        for (var i = 0; i < request.CommunicatesWith.Count; i++)
        {
            if (string.IsNullOrEmpty(request.CommunicatesWith[i]))
            {
                Add($"{nameof(request.CommunicatesWith)}[{i}]", "must not be empty");
            }
        }

        return (IReadOnlyList<ValidationError>?)errors ?? [];
    }

    private static void CheckTerms(string field, IReadOnlyList<WorkloadAffinityTerm> terms, bool weighted, Action<string, string> add)
    {
        for (var t = 0; t < terms.Count; t++)
        {
            var termField = $"{field}[{t}]";
            if (terms[t].Selector.Count == 0)
            {
                add($"{termField}.{nameof(WorkloadAffinityTerm.Selector)}", "must not be empty");
            }

            if (terms[t].Topology == TopologyScope.Unknown)
            {
                add($"{termField}.{nameof(WorkloadAffinityTerm.Topology)}", "must be Node or Zone");
            }

            if (weighted)
            {
                CheckWeight(termField, terms[t].Weight, add);
            }

            CheckExpressions($"{termField}.{nameof(WorkloadAffinityTerm.Selector)}", terms[t].Selector, add);
        }
    }

    private static void CheckWeight(string field, int weight, Action<string, string> add)
    {
        if (weight is < 1 or > 100)
        {
            add($"{field}.Weight", "must be 1..100");
        }
    }

    private static void CheckExpressions(string field, IReadOnlyList<LabelExpression> expressions, Action<string, string> add)
    {
        for (var e = 0; e < expressions.Count; e++)
        {
            var expression = expressions[e];
            var at = $"{field}[{e}]";
            if (string.IsNullOrEmpty(expression.Key))
            {
                add($"{at}.{nameof(LabelExpression.Key)}", "must not be empty");
            }

            switch (expression.Operator)
            {
                case LabelOperator.In or LabelOperator.NotIn when expression.Values.Count == 0:
                    add($"{at}.{nameof(LabelExpression.Values)}", $"must not be empty for {expression.Operator}");
                    break;
                case LabelOperator.Exists or LabelOperator.DoesNotExist when expression.Values.Count > 0:
                    add($"{at}.{nameof(LabelExpression.Values)}", $"must be empty for {expression.Operator}");
                    break;
                case LabelOperator.Unknown:
                    add($"{at}.{nameof(LabelExpression.Operator)}", "must be In, NotIn, Exists or DoesNotExist");
                    break;
            }
        }
    }
}
