using System;
using System.Linq;
using System.Management.Automation;
using CallTracking.PowerShell.Base;
using CallTracking.PowerShell.Providers;
using CallTracking.PowerShell.Session;
using CallTracking.PowerShell.Transformations;
using CallTracking.Sandbox;

namespace CallTracking.PowerShell.Commands.Sandbox
{
    /// <summary>
    /// Starts a sandbox (the emulators of the providers' APIs) on a loopback port, for tools outside this session (curl, a
    /// second PowerShell: Connect-CallTracking -Provider X -BaseUri $sandbox.BaseUri). The object returned has the base
    /// URI of -Provider's emulator as BaseUri. Kept until Stop-CallTrackingSandbox or Remove-Module. Derives from the
    /// infrastructure base: it needs no connection.
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

        /// <summary>The provider whose emulator's base URI the result shows as BaseUri, and whose sandbox parameters apply (default: the first provider).</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [ProviderName]
        [ArgumentCompleter(typeof(ProviderNameCompleter))]
        public string? Provider { get; set; }

        /// <summary>The seed of the generated data (the same seed gives the same data).</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [Int32Transformation(nameof(SandboxSeed))]
        public int? SandboxSeed { get; set; }

        protected override string? DynamicParameterProvider() => Provider ?? ProviderCmdletRegistry.All.FirstOrDefault()?.Provider;

        protected override void ProcessRecord()
        {
            var support = ProviderCmdletRegistry.Find(DynamicParameterProvider())!;
            var port = Port ?? 0;
            var target = port == 0 ? "a free loopback port" : "loopback port " + port;
            if (!ShouldProcess(target, "Start the CallTracking sandbox (emulators of " + string.Join(", ", ProviderCmdletRegistry.All.Select(p => p.Provider)) + "; no network beyond this machine)")) return;

            var options = new SandboxOptions();
            if (SandboxSeed.HasValue) options.Seed = SandboxSeed.Value;
            CallTrackingSandbox? sandbox = null;
            try
            {
                support.ConfigureSandbox(options, BoundProviderParameters());
                sandbox = new CallTrackingSandbox(options);
                var uri = sandbox.Start(port);
                SandboxRegistry.Add(sandbox);
                var baseUri = support.SandboxBaseUri(sandbox);
                WriteVerboseLine("Sandbox listening at " + uri + "; " + support.Provider + " base URI " + baseUri + ".");
                var shown = new PSObject(sandbox);
                shown.Properties.Add(new PSNoteProperty("Provider", support.Provider));
                shown.Properties.Add(new PSNoteProperty("BaseUri", baseUri));
                WriteObject(shown);
            }
            catch (Exception ex) when (ex is System.Net.Sockets.SocketException || ex is System.Net.HttpListenerException || ex is InvalidOperationException || ex is ArgumentException)
            {
                sandbox?.Dispose();
                WriteError(new ErrorRecord(ex, "SandboxStartFailed", ErrorCategory.ResourceUnavailable, port));
            }
        }
    }
}
