using System;
using System.Management.Automation;
using CallTracking.Core.Capabilities;
using CallTracking.Core.Providers.TrackDrive;
using CallTracking.PowerShell.Transformations;

namespace CallTracking.PowerShell.Providers.TrackDrive
{
    /// <summary>Get-TrackingNumber on a TrackDrive connection: the filters of GET /phone_numbers [numbers].</summary>
    [CmdletParameters(TrackDriveApi.ProviderName, "Get-TrackingNumber", ParameterSetName = Base.ParameterSets.List, PipelineByPropertyName = "false")]
    public sealed class TrackDriveNumberListParameters : ProviderParameters
    {
        /// <summary>Only this number (number): +E164 or a national number of the default country.</summary>
        [Parameter]
        public string? Number { get; set; }

        /// <summary>Only numbers of this offer (offer_id).</summary>
        [Parameter]
        [Alias("offer_id")]
        [Int64Transformation(nameof(OfferId))]
        public long? OfferId { get; set; }

        /// <summary>Only numbers of this traffic source (traffic_source_id).</summary>
        [Parameter]
        [Alias("traffic_source_id")]
        [Int64Transformation(nameof(TrafficSourceId))]
        public long? TrafficSourceId { get; set; }

        /// <summary>Only numbers of this provider configuration (provider_configuration_id).</summary>
        [Parameter]
        [Alias("provider_configuration_id")]
        [Int64Transformation(nameof(ProviderConfigurationId))]
        public long? ProviderConfigurationId { get; set; }

        /// <summary>Only numbers of this ring pool (ring_pool_id).</summary>
        [Parameter]
        [Alias("ring_pool_id")]
        [Int64Transformation(nameof(RingPoolId))]
        public long? RingPoolId { get; set; }

        /// <summary>Numbers created at or after this time (created_at_from).</summary>
        [Parameter]
        [Alias("created_at_from")]
        [DateTimeOffsetTransformation(nameof(CreatedAfter))]
        public DateTimeOffset? CreatedAfter { get; set; }

        /// <summary>Numbers created at or before this time (created_at_to).</summary>
        [Parameter]
        [Alias("created_at_to")]
        [DateTimeOffsetTransformation(nameof(CreatedBefore))]
        public DateTimeOffset? CreatedBefore { get; set; }

        /// <summary>Numbers last called at or after this time (last_call_at_from).</summary>
        [Parameter]
        [Alias("last_call_at_from")]
        [DateTimeOffsetTransformation(nameof(LastCallAfter))]
        public DateTimeOffset? LastCallAfter { get; set; }

        /// <summary>Numbers last called at or before this time (last_call_at_to).</summary>
        [Parameter]
        [Alias("last_call_at_to")]
        [DateTimeOffsetTransformation(nameof(LastCallBefore))]
        public DateTimeOffset? LastCallBefore { get; set; }

        /// <summary>Full-text search (fulltext).</summary>
        [Parameter]
        [Alias("fulltext")]
        public string? Search { get; set; }

        /// <summary>The time zone TrackDrive uses for dates (time_zone).</summary>
        [Parameter]
        [Alias("time_zone")]
        [SeedList(typeof(TrackDriveApi), nameof(TrackDriveApi.TimeZones))]
        public string? TimeZone { get; set; }

        /// <summary>Only these columns (columns); several may be given as one string separated by ';'.</summary>
        [Parameter]
        [Alias("columns")]
        [StringListTransformation(nameof(Column))]
        [SeedList(typeof(TrackDriveApi), nameof(TrackDriveApi.NumberColumns))]
        public string[]? Column { get; set; }

        public override ProviderOptions ToOptions() => new TrackDriveNumberQuery
        {
            Number = Number,
            OfferId = OfferId, TrafficSourceId = TrafficSourceId, ProviderConfigurationId = ProviderConfigurationId, RingPoolId = RingPoolId,
            CreatedAtFrom = CreatedAfter, CreatedAtTo = CreatedBefore, LastCallAtFrom = LastCallAfter, LastCallAtTo = LastCallBefore,
            Fulltext = Search,
            TimeZone = Base.AllowedValues.Canonical(TimeZone, TrackDriveApi.TimeZones),
            Columns = Base.AllowedValues.Canonical(Column, TrackDriveApi.NumberColumns),
        };
    }
}
