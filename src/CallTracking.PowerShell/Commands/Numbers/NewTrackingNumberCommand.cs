using System.Management.Automation;
using CallTracking.Core.Model;
using CallTracking.Core.Providers.TrackDrive;
using CallTracking.PowerShell.Base;
using CallTracking.PowerShell.Transformations;

namespace CallTracking.PowerShell.Commands.Numbers
{
    /// <summary>
    /// Buys (rents) a tracking number. Spends money: ShouldProcess names what is bought, -WhatIf sends nothing, and the
    /// purchase is sent once (a failure that may have reached the server is OutcomeUnknown, never retried). Every
    /// parameter binds from a CSV by property name; a bad cell ("maybe" for -TollFree) is an error for that row only.
    /// </summary>
    [Cmdlet(VerbsCommon.New, "TrackingNumber", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium, DefaultParameterSetName = ParameterSets.TrackDrive)]
    [OutputType(typeof(TrackingNumber))]
    public sealed class NewTrackingNumberCommand : CallTrackingCmdlet
    {
        [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true, ParameterSetName = ParameterSets.TrackDrive)]
        [Alias("provider_configuration_id")]
        [Int64Transformation(nameof(ProviderConfigurationId))]
        public long ProviderConfigurationId { get; set; }

        [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true, ParameterSetName = ParameterSets.TrackDrive)]
        [Alias("offer_id")]
        [Int64Transformation(nameof(OfferId))]
        public long OfferId { get; set; }

        /// <summary>ISO 3166-1 alpha-2 country of the number (TrackDrive's purchase list).</summary>
        [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true, ParameterSetName = ParameterSets.TrackDrive)]
        [Alias("country_code")]
        [ValidateSet("AR", "AT", "AU", "BE", "BG", "BH", "BR", "CA", "CH", "CL", "CN", "CO", "CY", "CZ", "DE", "DK", "DO", "EE", "ES",
            "FI", "FR", "GB", "GE", "GR", "HK", "HR", "HU", "ID", "IE", "IL", "IT", "JP", "KR", "LT", "LU", "LV", "MT", "MX",
            "MY", "NL", "NO", "NZ", "PA", "PE", "PH", "PK", "PL", "PR", "PT", "RO", "RU", "SE", "SG", "SI", "SK", "SV", "TR",
            "US", "ZA")]
        public string Country { get; set; } = string.Empty;

        /// <summary>A toll-free number instead of a local one (CSV: true/false/yes/no/1/0).</summary>
        [Parameter(ValueFromPipelineByPropertyName = true, ParameterSetName = ParameterSets.TrackDrive)]
        [Alias("toll_free")]
        [BooleanTransformation(nameof(TollFree))]
        public SwitchParameter TollFree { get; set; }

        [Parameter(ValueFromPipelineByPropertyName = true, ParameterSetName = ParameterSets.TrackDrive)]
        [Alias("traffic_source_id")]
        [Int64Transformation(nameof(TrafficSourceId))]
        public long? TrafficSourceId { get; set; }

        [Parameter(ValueFromPipelineByPropertyName = true, ParameterSetName = ParameterSets.TrackDrive)]
        [Alias("ring_pool_id")]
        [Int64Transformation(nameof(RingPoolId))]
        public long? RingPoolId { get; set; }

        /// <summary>Tokens such as interest:auto (CSV: several separated by ';').</summary>
        [Parameter(ValueFromPipelineByPropertyName = true, ParameterSetName = ParameterSets.TrackDrive)]
        [Alias("token_values")]
        [StringListTransformation(nameof(TokenValue))]
        public string[]? TokenValue { get; set; }

        /// <summary>Buys without asking for confirmation (-WhatIf still wins).</summary>
        [Parameter]
        public SwitchParameter Force { get; set; }

        protected override void ProcessRecord()
        {
            var connection = ResolveConnection();
            var request = new TrackDrivePurchaseRequest
            {
                ProviderConfigurationId = ProviderConfigurationId,
                OfferId = OfferId,
                TollFree = TollFree.IsPresent,
                Country = AllowedValues.Canonical(Country?.Trim().ToUpperInvariant(), TrackDriveApi.PurchaseCountries) ?? string.Empty,
                TrafficSourceId = TrafficSourceId,
                RingPoolId = RingPoolId,
                TokenValues = TokenValue,
            };
            var target = (request.TollFree ? "toll-free" : "local") + " number in " + request.Country
                         + " (" + connection.Provider + ", offer " + request.OfferId + ", provider configuration " + request.ProviderConfigurationId + ")";
            if (!ShouldChange(target, "Purchase (spends money)", Force)) return;
            TryProcess(() =>
            {
                connection.EnsureProvider(ProviderName.TrackDrive, "New-TrackingNumber");
                WriteObject(RunAsync(ct => connection.TrackDrive.PurchasePhoneNumberAsync(request, ct)));
            }, request.ToString());
        }
    }
}
