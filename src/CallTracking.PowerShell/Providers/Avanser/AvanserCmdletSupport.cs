using System;
using System.Collections.Generic;
using CallTracking.Core.Providers.Avanser;
using CallTracking.Sandbox;

namespace CallTracking.PowerShell.Providers.Avanser
{
    /// <summary>Avanser's part of the PowerShell face: its connection sets (the APIs' parameter classes come with the AVANSER release).</summary>
    public sealed class AvanserCmdletSupport : ProviderCmdletSupport
    {
        public override string Provider => AvanserApi.ProviderName;

        protected override IEnumerable<Type> ParameterClasses => new[] { typeof(AvanserConnectParameters) };

        public override void ConfigureSandbox(SandboxOptions options, ProviderParameters? parameters) => throw NoEmulator();
    }
}
