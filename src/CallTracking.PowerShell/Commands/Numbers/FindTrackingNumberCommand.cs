using System.Management.Automation;
using CallTracking.Core.Capabilities;
using CallTracking.Core.Model;
using CallTracking.PowerShell.Base;

namespace CallTracking.PowerShell.Commands.Numbers
{
    /// <summary>
    /// Lists numbers the provider offers to buy (what to search for is the provider's: dynamic parameters). Each result's
    /// properties are named as New-TrackingNumber's parameters, so it pipes into New-TrackingNumber. Sends one read request.
    /// </summary>
    [Cmdlet(VerbsCommon.Find, "TrackingNumber")]
    [OutputType(typeof(AvailableNumber))]
    public sealed class FindTrackingNumberCommand : CallTrackingCmdlet
    {
        protected override void ProcessRecord()
        {
            var connection = ResolveConnection();
            var search = new NumberSearch { Options = BoundProviderParameters()?.ToOptions() };
            TryProcess(() =>
            {
                var finder = connection.Capability<INumberSearch>(CommandName);
                finder.Validate(search);
                WriteObject(RunAsync(ct => finder.SearchNumbersAsync(search, ct)), true);
            }, null);
        }
    }
}
