using System.Management.Automation;
using CallTracking.Core.Capabilities;
using CallTracking.Core.Providers.AvidTrak;
using CallTracking.PowerShell.Transformations;

namespace CallTracking.PowerShell.Providers.AvidTrak
{
    /// <summary>
    /// Remove-CallForwarding on an AvidTrak connection: remove_forwarding [seed] for the numbers given (type=sid), or with
    /// -AllPro / -AllLite for every online (pro) or offline (lite) number at once.
    /// </summary>
    [CmdletParameters(AvidTrakApi.ProviderName, "Remove-CallForwarding")]
    public class AvidTrakForwardingScopeParameters : ProviderParameters
    {
        public const string AllProSet = "AllPro";
        public const string AllLiteSet = "AllLite";

        /// <summary>Every online (pro) number of the account at once (type=pro), instead of -Id.</summary>
        [Parameter(Mandatory = true, ParameterSetName = AllProSet)]
        [BooleanTransformation(nameof(AllPro))]
        public SwitchParameter AllPro { get; set; }

        /// <summary>Every offline (lite) number of the account at once (type=lite), instead of -Id.</summary>
        [Parameter(Mandatory = true, ParameterSetName = AllLiteSet)]
        [BooleanTransformation(nameof(AllLite))]
        public SwitchParameter AllLite { get; set; }

        protected string? Scope => AllPro.IsPresent ? AvidTrakApi.ScopePro : AllLite.IsPresent ? AvidTrakApi.ScopeLite : null;

        public override ProviderOptions ToOptions() => new AvidTrakForwarding { Scope = Scope };
    }

    /// <summary>Set-CallForwarding on an AvidTrak connection: set_forwarding [seed], with an optional extension.</summary>
    [CmdletParameters(AvidTrakApi.ProviderName, "Set-CallForwarding")]
    public sealed class AvidTrakForwardingParameters : AvidTrakForwardingScopeParameters
    {
        /// <summary>The extension dialled at the forward number (CSV column extension; up to 10 digits, * and #).</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        public string? Extension { get; set; }

        public override ProviderOptions ToOptions() => new AvidTrakForwarding { Scope = Scope, Extension = string.IsNullOrWhiteSpace(Extension) ? null : Extension };
    }
}
