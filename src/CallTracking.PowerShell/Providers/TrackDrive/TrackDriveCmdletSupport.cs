using System;
using System.Collections.Generic;
using CallTracking.Core.Connections;
using CallTracking.Core.Providers.TrackDrive;
using CallTracking.Sandbox;
using CallTracking.Sandbox.TrackDrive;

namespace CallTracking.PowerShell.Providers.TrackDrive
{
    /// <summary>TrackDrive's part of the PowerShell face: which parameter class each shared cmdlet gets, and its sandbox.</summary>
    public sealed class TrackDriveCmdletSupport : ProviderCmdletSupport
    {
        public override string Provider => TrackDriveApi.ProviderName;

        protected override IEnumerable<Type> ParameterClasses => new[]
        {
            typeof(TrackDriveConnectParameters), typeof(TrackDriveSandboxParameters), typeof(TrackDriveCallLogParameters),
            typeof(TrackDriveNumberListParameters), typeof(TrackDriveCallReportParameters), typeof(TrackDriveCallStatisticParameters),
            typeof(TrackDrivePurchaseParameters), typeof(TrackDriveNumberChangeParameters),
        };

        public override void ConfigureSandbox(SandboxOptions options, ProviderParameters? parameters)
        {
            long? calls = null;
            int? numbers = null;
            if (parameters is TrackDriveConnectParameters connect) { calls = connect.SandboxCallCount; numbers = connect.SandboxNumberCount; }
            if (parameters is TrackDriveSandboxParameters start) { calls = start.SandboxCallCount; numbers = start.SandboxNumberCount; }
            var trackDrive = options.TrackDrive();
            if (calls.HasValue) trackDrive.CallCount = calls.Value;
            if (numbers.HasValue) trackDrive.NumberCount = numbers.Value;
        }
    }
}
