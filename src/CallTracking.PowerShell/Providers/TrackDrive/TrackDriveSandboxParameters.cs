using System.Management.Automation;
using CallTracking.Core.Capabilities;
using CallTracking.Core.Providers.TrackDrive;
using CallTracking.PowerShell.Transformations;

namespace CallTracking.PowerShell.Providers.TrackDrive
{
    /// <summary>Start-CallTrackingSandbox -Provider TrackDrive: the size of the TrackDrive emulator's generated data.</summary>
    [CmdletParameters(TrackDriveApi.ProviderName, "Start-CallTrackingSandbox")]
    public sealed class TrackDriveSandboxParameters : ProviderParameters
    {
        /// <summary>Calls the sandbox generates (default 5000).</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [Int64Transformation(nameof(SandboxCallCount))]
        public long? SandboxCallCount { get; set; }

        /// <summary>Phone numbers the sandbox starts with (default 25).</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [Int32Transformation(nameof(SandboxNumberCount))]
        public int? SandboxNumberCount { get; set; }

        public override ProviderOptions? ToOptions() => null;
    }
}
