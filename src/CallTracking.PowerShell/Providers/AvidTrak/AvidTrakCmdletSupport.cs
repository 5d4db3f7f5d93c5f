using System;
using System.Collections.Generic;
using CallTracking.Core.Validation;
using CallTracking.Core.Providers.AvidTrak;
using CallTracking.Sandbox;
using CallTracking.Sandbox.AvidTrak;

namespace CallTracking.PowerShell.Providers.AvidTrak
{
    /// <summary>AvidTrak's part of the PowerShell face: which parameter class each shared cmdlet gets, and its sandbox.</summary>
    public sealed class AvidTrakCmdletSupport : ProviderCmdletSupport
    {
        public override string Provider => AvidTrakApi.ProviderName;

        protected override IEnumerable<Type> ParameterClasses => new[]
        {
            typeof(AvidTrakConnectParameters), typeof(AvidTrakSandboxParameters),
        };

        public override void ConfigureSandbox(SandboxOptions options, ProviderParameters? parameters)
        {
            var avidTrak = options.AvidTrak();
            int? clients = null, numbers = null, callsPerDay = null;
            if (parameters is AvidTrakConnectParameters connect)
            {
                clients = connect.SandboxClientCount; numbers = connect.SandboxNumberCount; callsPerDay = connect.SandboxCallsPerDay;
                if (!string.IsNullOrWhiteSpace(connect.Format)) avidTrak.TestFormat = connect.Format!.Trim().ToLowerInvariant();
                avidTrak.TestAccount = connect.SandboxAccount?.Trim().ToLowerInvariant() switch
                {
                    "client" => AvidTrakOptions.ClientUserId(1),
                    "individual" => AvidTrakOptions.IndividualUserId,
                    _ => null,
                };
            }
            if (parameters is AvidTrakSandboxParameters start) { clients = start.SandboxClientCount; numbers = start.SandboxNumberCount; callsPerDay = start.SandboxCallsPerDay; }
            if (clients.HasValue) avidTrak.ClientCount = clients.Value;
            if (avidTrak.TestAccount == AvidTrakOptions.ClientUserId(1) && avidTrak.ClientCount < 1)
                throw new CallTrackingArgumentException("SandboxAccount", "Client", "Agency or Individual when -SandboxClientCount is 0 (the agency has no client to connect as)");
            if (numbers.HasValue) avidTrak.NumberCount = numbers.Value;
            if (callsPerDay.HasValue) avidTrak.CallsPerDay = callsPerDay.Value;
        }
    }
}
