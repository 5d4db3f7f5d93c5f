using CallTracking.Core.Connections;
using CallTracking.Core.Providers.TrackDrive;
using CallTracking.PowerShell.Base;
using CallTracking.Sandbox;

namespace CallTracking.PowerShell.Providers.TrackDrive
{
    /// <summary>TrackDrive's part of the PowerShell face: which parameter class each shared cmdlet gets, and its sandbox.</summary>
    public sealed class TrackDriveCmdletSupport : ProviderCmdletSupport
    {
        public override string Provider => TrackDriveApi.ProviderName;

        public override ParameterSpec? ParametersFor(string cmdletName)
        {
            switch (cmdletName)
            {
                case "Connect-CallTracking": return new ParameterSpec(typeof(TrackDriveConnectParameters));
                case "Start-CallTrackingSandbox": return new ParameterSpec(typeof(TrackDriveSandboxParameters));
                // The list filters are not bound from the pipeline, so that a piped record selects the InputObject set
                // instead of turning its own properties into filters.
                case "Get-CallLog": return new ParameterSpec(typeof(TrackDriveCallLogParameters), ParameterSets.List, fromPipelineByPropertyName: false);
                case "Get-TrackingNumber": return new ParameterSpec(typeof(TrackDriveNumberListParameters), ParameterSets.List, fromPipelineByPropertyName: false);
                // A CSV of report or statistics requests binds every column by property name.
                case "Get-CallReport": return new ParameterSpec(typeof(TrackDriveCallReportParameters), null, fromPipelineByPropertyName: true);
                case "Get-CallStatistic": return new ParameterSpec(typeof(TrackDriveCallStatisticParameters), null, fromPipelineByPropertyName: true);
                case "New-TrackingNumber": return new ParameterSpec(typeof(TrackDrivePurchaseParameters));
                case "Set-TrackingNumber": return new ParameterSpec(typeof(TrackDriveNumberChangeParameters));
                default: return null;
            }
        }

        public override void ConfigureSandbox(SandboxOptions options, ProviderParameters? parameters)
        {
            long? calls = null;
            int? numbers = null;
            if (parameters is TrackDriveConnectParameters connect) { calls = connect.SandboxCallCount; numbers = connect.SandboxNumberCount; }
            if (parameters is TrackDriveSandboxParameters start) { calls = start.SandboxCallCount; numbers = start.SandboxNumberCount; }
            if (calls.HasValue) options.CallCount = calls.Value;
            if (numbers.HasValue) options.NumberCount = numbers.Value;
        }

        public override void ConnectToSandbox(ConnectionOptions options, CallTrackingSandbox sandbox)
        {
            options.Credential = ProviderCredential.FromPlainText(TrackDriveApi.TokenUserName, sandbox.Options.TrackDriveAuthToken);
            options.BaseUri = sandbox.TrackDriveBaseUri;
        }

        public override System.Uri SandboxBaseUri(CallTrackingSandbox sandbox) => sandbox.TrackDriveBaseUri;
    }
}
