using System.Management.Automation;
using CallTracking.Core.Capabilities;
using CallTracking.Core.Model;
using CallTracking.PowerShell.Base;

namespace CallTracking.PowerShell.Commands.Provisioning
{
    /// <summary>
    /// Lists the provider's provisioning requests (the provider adds its filters), or gets one by id (piped from
    /// New-/Set-/Remove-TrackingNumber by property name Id). Reads only.
    /// </summary>
    [Cmdlet(VerbsCommon.Get, "ProvisioningRequest", DefaultParameterSetName = ParameterSets.List)]
    [OutputType(typeof(ProvisioningRequest))]
    public sealed class GetProvisioningRequestCommand : CallTrackingCmdlet
    {
        /// <summary>The request's id.</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true, ParameterSetName = ParameterSets.ById)]
        [Alias("RequestId", "request_id")]
        public string Id { get; set; } = string.Empty;

        protected override void ProcessRecord()
        {
            var connection = ResolveConnection();
            if (ParameterSetName == ParameterSets.ById)
            {
                TryProcess(() =>
                {
                    var requests = connection.Capability<IProvisioningRequests>(CommandName);
                    WriteObject(RunAsync(ct => requests.GetRequestAsync(Id, ct)));
                }, Id);
                return;
            }
            TryProcess(() =>
            {
                var requests = connection.Capability<IProvisioningRequests>(CommandName);
                var options = BoundProviderParameters()?.ToOptions();
                WriteObject(RunAsync(ct => requests.ListRequestsAsync(options, ct)), true);
            }, null);
        }
    }
}
