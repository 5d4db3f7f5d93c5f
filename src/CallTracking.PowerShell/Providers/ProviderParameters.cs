using System;
using System.Collections.Generic;
using System.Management.Automation;
using CallTracking.Core.Capabilities;

namespace CallTracking.PowerShell.Providers
{
    /// <summary>
    /// Base of every per-provider parameter class: a provider's own parameters of one cmdlet, declared as properties with
    /// [Parameter], aliases, validation and transformations, offered as dynamic parameters when the connection (or
    /// Connect-CallTracking -Provider) is that provider's. After binding, the cmdlet gets an instance with the bound values
    /// and asks it for the core options.
    /// </summary>
    public abstract class ProviderParameters
    {
        private HashSet<string> _bound = new HashSet<string>(StringComparer.OrdinalIgnoreCase);

        /// <summary>True when the parameter was given (on the command line or from the pipeline), even as -X:$false.</summary>
        public bool IsBound(string parameterName) => _bound.Contains(parameterName);

        /// <summary>Tri-state switch filter: absent → null (not sent), present → true, -X:$false → false.</summary>
        protected bool? SwitchState(string parameterName, SwitchParameter value) => IsBound(parameterName) ? value.IsPresent : (bool?)null;

        /// <summary>The core options these parameters stand for (null: this class carries none for the core).</summary>
        public abstract ProviderOptions? ToOptions();

        internal void SetBound(IEnumerable<string> names) => _bound = new HashSet<string>(names, StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>A parameter class that also adds to an open connection (Connect-CallTracking's per-provider sets).</summary>
    public interface IConnectParameters
    {
        /// <summary>Fills the options from the bound parameters (credentials, settings); not for -Sandbox.</summary>
        void Apply(Core.Connections.ConnectionOptions options);
    }

    /// <summary>A parameter class that also adds to a sandbox connection, after the sandbox's own credentials are set.</summary>
    public interface ISandboxConnectParameters
    {
        /// <summary>Adds the bound settings that also work against the sandbox (such as an account of a login that reaches several).</summary>
        void ApplyToSandbox(Core.Connections.ConnectionOptions options);
    }
}
