using System.Management.Automation;
using CallTracking.Core.Capabilities;
using CallTracking.Core.Model;
using CallTracking.PowerShell.Base;

namespace CallTracking.PowerShell.Commands.Accounts
{
    /// <summary>The remaining balance of the connection's (prepaid) account, as an exact decimal with its currency.</summary>
    [Cmdlet(VerbsCommon.Get, "CallTrackingBalance")]
    [OutputType(typeof(AccountBalance))]
    public sealed class GetCallTrackingBalanceCommand : CallTrackingCmdlet
    {
        protected override void ProcessRecord()
        {
            var connection = ResolveConnection();
            TryProcess(() =>
            {
                var balance = connection.Capability<IAccountBalance>(CommandName);
                var result = RunAsync(ct => balance.GetBalanceAsync(ct));
                result.ConnectionName ??= connection.Name;
                WriteObject(result);
            }, connection.Name);
        }
    }
}
