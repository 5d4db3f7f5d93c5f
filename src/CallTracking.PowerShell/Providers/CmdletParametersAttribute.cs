using System;

namespace CallTracking.PowerShell.Providers
{
    /// <summary>
    /// Declares which shared cmdlet a provider's parameter class extends, and how its parameters bind there: into one set
    /// of the cmdlet (every parameter declared for all sets joins <see cref="ParameterSetName"/>), and with pipeline binding
    /// by property name switched on or off for all of them. One declaration (a provider's call filters) thus serves
    /// several cmdlets. Read at run time by <see cref="ProviderCmdletSupport"/> and by the contract tests.
    /// </summary>
    [AttributeUsage(AttributeTargets.Class, AllowMultiple = true, Inherited = false)]
    public sealed class CmdletParametersAttribute : Attribute
    {
        public CmdletParametersAttribute(string provider, string cmdletName)
        {
            Provider = provider;
            CmdletName = cmdletName;
        }

        public string Provider { get; }
        public string CmdletName { get; }
        /// <summary>The cmdlet's set that parameters declared for all sets join (null: as declared).</summary>
        public string? ParameterSetName { get; set; }
        /// <summary>"true"/"false" to set ValueFromPipelineByPropertyName on every parameter; null: as declared.</summary>
        public string? PipelineByPropertyName { get; set; }
    }
}
