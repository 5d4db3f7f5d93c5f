using System.Management.Automation;
using CallTracking.Core.Capabilities;
using CallTracking.Core.Providers.Avanser;
using CallTracking.PowerShell.Transformations;

namespace CallTracking.PowerShell.Providers.Avanser
{
    /// <summary>Start-CallTrackingSandbox -Provider Avanser: how many CDRs the AVANSER emulator computes, how long its
    /// provisioning requests take and how long its tokens live.</summary>
    [CmdletParameters(AvanserApi.ProviderName, "Start-CallTrackingSandbox")]
    public sealed class AvanserSandboxParameters : ProviderParameters
    {
        /// <summary>Call records (CDRs) the sandbox computes on demand (default 5000).</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [Int64Transformation(nameof(SandboxCallCount))]
        public long? SandboxCallCount { get; set; }

        /// <summary>Seconds a provisioning request takes to complete on the sandbox clock (default 5; AVANSER takes about 7 minutes).</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [Int32Transformation(nameof(SandboxProvisioningDelaySec))]
        public int? SandboxProvisioningDelaySec { get; set; }

        /// <summary>Seconds a WebAPI token lives (default 600).</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [Int32Transformation(nameof(SandboxTokenLifetimeSec))]
        public int? SandboxTokenLifetimeSec { get; set; }

        public override ProviderOptions? ToOptions() => null;
    }
}
