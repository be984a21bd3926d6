namespace Enc.Ledger.Receipts;

/// <summary>Builds receipt subjects in ENC's <c>type/id</c> convention.</summary>
public static class ReceiptSubjects
{
    /// <summary><c>node/ID</c>.</summary>
    public static string Node(string nodeId) => "node/" + nodeId;

    /// <summary><c>workload/ID</c>.</summary>
    public static string Workload(string workloadId) => "workload/" + workloadId;

    /// <summary><c>instance/ID</c>.</summary>
    public static string Instance(string instanceId) => "instance/" + instanceId;

    /// <summary><c>service/ID</c>.</summary>
    public static string Service(string serviceId) => "service/" + serviceId;
}
