using System;
using System.Collections.Generic;
using CallTracking.Core.Providers.AvidTrak;
using CallTracking.Sandbox;

namespace CallTracking.PowerShell.Providers.AvidTrak
{
    /// <summary>AvidTrak's part of the PowerShell face: its connection sets (the methods' parameter classes come with the AvidTrak release).</summary>
    public sealed class AvidTrakCmdletSupport : ProviderCmdletSupport
    {
        public override string Provider => AvidTrakApi.ProviderName;

        protected override IEnumerable<Type> ParameterClasses => new[] { typeof(AvidTrakConnectParameters) };

        public override void ConfigureSandbox(SandboxOptions options, ProviderParameters? parameters) => throw NoEmulator();
    }
}
