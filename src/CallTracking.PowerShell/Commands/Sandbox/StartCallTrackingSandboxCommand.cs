using System;
using System.Management.Automation;
using CallTracking.PowerShell.Base;
using CallTracking.PowerShell.Session;
using CallTracking.PowerShell.Transformations;
using CallTracking.Sandbox;
using CallTracking.Sandbox.TrackDrive;

namespace CallTracking.PowerShell.Commands.Sandbox
{
    /// <summary>
    /// Starts a sandbox (an emulator of the providers' APIs) on a loopback port, for tools outside this session (curl, a
    /// second PowerShell: Connect-CallTracking -Provider TrackDrive -BaseUri $sandbox.TrackDriveBaseUri). Kept until
    /// Stop-CallTrackingSandbox or Remove-Module. Derives from the infrastructure base: it needs no connection.
    /// </summary>
    [Cmdlet(VerbsLifecycle.Start, "CallTrackingSandbox", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(CallTrackingSandbox))]
    public sealed class StartCallTrackingSandboxCommand : CallTrackingCmdletBase
    {
        /// <summary>The loopback port (default: a free one).</summary>
        [Parameter(Position = 0, ValueFromPipelineByPropertyName = true)]
        [Int32Transformation(nameof(Port))]
        [ValidateRange(0, 65535)]
        public int? Port { get; set; }

        [Parameter(ValueFromPipelineByPropertyName = true)]
        [Int64Transformation(nameof(SandboxCallCount))]
        public long? SandboxCallCount { get; set; }

        [Parameter(ValueFromPipelineByPropertyName = true)]
        [Int32Transformation(nameof(SandboxNumberCount))]
        public int? SandboxNumberCount { get; set; }

        [Parameter(ValueFromPipelineByPropertyName = true)]
        [Int32Transformation(nameof(SandboxSeed))]
        public int? SandboxSeed { get; set; }

        protected override void ProcessRecord()
        {
            var port = Port ?? 0;
            var target = port == 0 ? "a free loopback port" : "loopback port " + port;
            if (!ShouldProcess(target, "Start the CallTracking sandbox (TrackDrive emulator, no network beyond this machine)")) return;

            var options = new SandboxOptions();
            if (SandboxCallCount.HasValue) options.TrackDrive().CallCount = SandboxCallCount.Value;
            if (SandboxNumberCount.HasValue) options.TrackDrive().NumberCount = SandboxNumberCount.Value;
            if (SandboxSeed.HasValue) options.Seed = SandboxSeed.Value;
            var sandbox = new CallTrackingSandbox(options);
            try
            {
                var uri = sandbox.Start(port);
                SandboxRegistry.Add(sandbox);
                WriteVerbose("Sandbox listening at " + uri + "; TrackDrive base URI " + sandbox.TrackDriveBaseUri() + ".");
                WriteObject(sandbox);
            }
            catch (Exception ex) when (ex is System.Net.Sockets.SocketException || ex is System.Net.HttpListenerException || ex is InvalidOperationException || ex is ArgumentException)
            {
                sandbox.Dispose();
                WriteError(new ErrorRecord(ex, "SandboxStartFailed", ErrorCategory.ResourceUnavailable, port));
            }
        }
    }
}
