using System;
using System.Collections.Generic;
using CallTracking.Core.Providers.Avanser;
using CallTracking.Core.Validation;
using CallTracking.Sandbox;
using CallTracking.Sandbox.Avanser;

namespace CallTracking.PowerShell.Providers.Avanser
{
    /// <summary>Avanser's part of the PowerShell face: its connection sets, its sandbox and its cmdlets' parameter classes (Telco and WebAPI).</summary>
    public sealed class AvanserCmdletSupport : ProviderCmdletSupport
    {
        public override string Provider => AvanserApi.ProviderName;

        protected override IEnumerable<Type> ParameterClasses => new[]
        {
            typeof(AvanserConnectParameters), typeof(AvanserSandboxParameters), typeof(AvanserServiceListParameters), typeof(AvanserStockSearchParameters),
            typeof(AvanserNewServiceParameters), typeof(AvanserServiceUpdateParameters), typeof(AvanserRequestListParameters), typeof(AvanserCallLogParameters),
        };

        /// <summary>The emulator's audio links and callback [[audio]] tags point at the sandbox's WebAPI (in-process or on loopback).</summary>
        protected override void PrepareSandbox(CallTrackingSandbox sandbox) => sandbox.Avanser();

        public override void ConfigureSandbox(SandboxOptions options, ProviderParameters? parameters)
        {
            var avanser = options.Avanser();
            long? calls = null;
            int? delay = null, lifetime = null;
            if (parameters is AvanserConnectParameters connect) { calls = connect.SandboxCallCount; delay = connect.SandboxProvisioningDelaySec; lifetime = connect.SandboxTokenLifetimeSec; }
            if (parameters is AvanserSandboxParameters start) { calls = start.SandboxCallCount; delay = start.SandboxProvisioningDelaySec; lifetime = start.SandboxTokenLifetimeSec; }
            if (calls.HasValue)
            {
                if (calls.Value < 0 || calls.Value > 100_000_000) throw new CallTrackingArgumentException("SandboxCallCount", calls.Value, "0 to 100,000,000 call records");
                avanser.CallCount = calls.Value;
            }
            if (delay.HasValue)
            {
                if (delay.Value < 0) throw new CallTrackingArgumentException("SandboxProvisioningDelaySec", delay.Value, "a delay of 0 seconds or more");
                avanser.ProvisioningDelay = TimeSpan.FromSeconds(delay.Value);
            }
            if (lifetime.HasValue)
            {
                if (lifetime.Value < 1) throw new CallTrackingArgumentException("SandboxTokenLifetimeSec", lifetime.Value, "a token lifetime of 1 second or more");
                avanser.TokenLifetime = TimeSpan.FromSeconds(lifetime.Value);
            }
        }
    }
}
