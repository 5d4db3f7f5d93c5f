using System.Management.Automation;
using CallTracking.Core.Capabilities;
using CallTracking.Core.Providers.AvidTrak;
using CallTracking.PowerShell.Transformations;

namespace CallTracking.PowerShell.Providers.AvidTrak
{
    /// <summary>Start-CallTrackingSandbox -Provider AvidTrak: the size of the AvidTrak emulator's generated data.</summary>
    [CmdletParameters(AvidTrakApi.ProviderName, "Start-CallTrackingSandbox")]
    public sealed class AvidTrakSandboxParameters : ProviderParameters
    {
        /// <summary>Clients under the sandbox agency (default 3).</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [Int32Transformation(nameof(SandboxClientCount))]
        public int? SandboxClientCount { get; set; }

        /// <summary>Numbers each sandbox account owns at the start (default 6).</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [Int32Transformation(nameof(SandboxNumberCount))]
        public int? SandboxNumberCount { get; set; }

        /// <summary>Generated calls per account per day, on average (default 8).</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [Int32Transformation(nameof(SandboxCallsPerDay))]
        public int? SandboxCallsPerDay { get; set; }

        public override ProviderOptions? ToOptions() => null;
    }
}
