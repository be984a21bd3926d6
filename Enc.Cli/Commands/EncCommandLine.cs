using System.CommandLine;
using Enc.Cli.Commands.Cluster;
using Enc.Cli.Commands.Consensus;
using Enc.Cli.Commands.Key;
using Enc.Cli.Commands.Ledger;
using Enc.Cli.Commands.Node;
using Enc.Cli.Commands.Validator;
using Enc.Cli.Commands.Scheduling;
using Enc.Cli.Commands.Workload;

namespace Enc.Cli.Commands;

/// <summary>
/// The <c>enc</c> command tree. Each verb lives in its own file under <c>Commands/&lt;Area&gt;/</c>;
/// add an area's group here.
/// </summary>
public static class EncCommandLine
{
    /// <summary>Builds the root command.</summary>
    public static RootCommand Build()
    {
        var root = new RootCommand("enc: operate an ENC cluster.");
        GlobalOptions.AddTo(root);
        root.Add(ClusterCommand.Build());
        root.Add(NodeCommand.Build());
        root.Add(ApplyCommand.Build());
        root.Add(RunCommand.Build());
        root.Add(PsCommand.Build());
        root.Add(LogsCommand.Build());
        root.Add(StopCommand.BuildStop());
        root.Add(StopCommand.BuildRemove());
        root.Add(InspectCommand.Build());
        root.Add(EventsCommand.Build());
        root.Add(ConsensusCommand.Build());
        root.Add(ValidatorCommand.Build());
        root.Add(ExplainCommand.Build());
        root.Add(ReceiptsCommand.Build());
        root.Add(ReceiptCommand.Build());
        root.Add(LedgerCommand.Build());
        root.Add(KeyCommand.Build());
        return root;
    }
}
