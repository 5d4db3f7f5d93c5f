using System.Management.Automation;
using CallTracking.Core.Capabilities;
using CallTracking.Core.Model;
using CallTracking.PowerShell.Base;
using CallTracking.PowerShell.Transformations;

namespace CallTracking.PowerShell.Commands.Provisioning
{
    /// <summary>
    /// Waits for provisioning requests to finish: every request piped (by property name Id/RequestId, e.g. from
    /// New-TrackingNumber) or given is read once, then the pending ones are polled together with back-off (1 s doubling to
    /// 30 s) and Write-Progress, until they finish or -TimeoutSec passes. Emits each completed request; a failed one (or one
    /// still pending at the timeout) is a non-terminating error naming the request and the reason. Reads only.
    /// </summary>
    [Cmdlet(VerbsLifecycle.Wait, "ProvisioningRequest")]
    [OutputType(typeof(ProvisioningRequest))]
    public sealed class WaitProvisioningRequestCommand : CallTrackingCmdlet
    {
        /// <summary>The requests' ids.</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [Alias("RequestId", "request_id")]
        [StringListTransformation(nameof(Id))]
        public string[] Id { get; set; } = new string[0];

        /// <summary>How long to wait at most, in seconds (default: until they finish; Ctrl+C stops).</summary>
        [Parameter]
        [Int32Transformation(nameof(TimeoutSec))]
        [ValidateRange(1, int.MaxValue)]
        public int? TimeoutSec { get; set; }

        protected override void ProcessRecord()
        {
            var connection = ResolveConnection();
            foreach (var id in Id)
            {
                TryProcess(() =>
                {
                    var reader = connection.Capability<IProvisioningRequests>(CommandName);
                    EmitSubmitted(connection, RunAsync(ct => reader.GetRequestAsync(id, ct)), true);
                }, id);
            }
        }

        protected override void EndProcessing()
        {
            WaitForSubmitted(TimeoutSec);
            base.EndProcessing();
        }
    }
}
