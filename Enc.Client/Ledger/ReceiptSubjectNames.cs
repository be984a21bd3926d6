namespace Enc.Client.Ledger;

/// <summary>Parses the subject argument of <c>enc receipts</c>.</summary>
public static class ReceiptSubjectNames
{
    private static readonly string[] Types = ["node/", "workload/", "instance/", "service/", "consensus/", "validator/", "policy/"];

    /// <summary>
    /// <c>node/NAME</c>, <c>workload/NS/NAME</c>, <c>instance/ID</c> (any <c>type/…</c> form) are used as given;
    /// a bare <c>NAME</c> or <c>NS/NAME</c> means that workload (namespace <c>default</c> when omitted).
    /// </summary>
    /// <exception cref="ArgumentException">The subject is empty.</exception>
    public static string Parse(string subject)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(subject);
        subject = subject.Trim();
        if (Types.Any(t => subject.StartsWith(t, StringComparison.Ordinal) && subject.Length > t.Length))
        {
            return subject;
        }

        return subject.Contains('/') ? "workload/" + subject : "workload/default/" + subject;
    }
}
