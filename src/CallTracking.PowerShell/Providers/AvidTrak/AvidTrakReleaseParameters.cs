using System.Management.Automation;
using CallTracking.Core.Capabilities;
using CallTracking.Core.Providers.AvidTrak;

namespace CallTracking.PowerShell.Providers.AvidTrak
{
    /// <summary>
    /// Remove-TrackingNumber on an AvidTrak connection: return_number [seed]. -Location has no default: Telco deletes the
    /// number for good (it cannot be re-acquired), Agency gives it back to the agency account.
    /// </summary>
    [CmdletParameters(AvidTrakApi.ProviderName, "Remove-TrackingNumber")]
    public sealed class AvidTrakReleaseParameters : ProviderParameters
    {
        /// <summary>Where the number goes (location): Telco (deleted for good) or Agency (back to the agency account).</summary>
        [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true)]
        [SeedList(typeof(AvidTrakApi), nameof(AvidTrakApi.Locations))]
        public string Location { get; set; } = string.Empty;

        public override ProviderOptions ToOptions() => new AvidTrakRelease { Location = Base.AllowedValues.Canonical(Location, AvidTrakApi.Locations) };
    }
}
