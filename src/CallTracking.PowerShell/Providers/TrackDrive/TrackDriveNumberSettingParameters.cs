using System.Management.Automation;
using CallTracking.PowerShell.Transformations;

namespace CallTracking.PowerShell.Providers.TrackDrive
{
    /// <summary>
    /// What a TrackDrive number is attached to beside its offer [numbers]: traffic source, ring pool and tokens — declared
    /// once for the purchase (POST) and the update (PUT), both bound from a CSV by property name.
    /// </summary>
    public abstract class TrackDriveNumberSettingParameters : ProviderParameters
    {
        /// <summary>The traffic source to attach (traffic_source_id).</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [Alias("traffic_source_id")]
        [Int64Transformation(nameof(TrafficSourceId))]
        public long? TrafficSourceId { get; set; }

        /// <summary>The ring pool to attach (ring_pool_id).</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [Alias("ring_pool_id")]
        [Int64Transformation(nameof(RingPoolId))]
        public long? RingPoolId { get; set; }

        /// <summary>The number's tokens, such as interest:auto (token_values; CSV: several separated by ';').</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [Alias("token_values")]
        [StringListTransformation(nameof(TokenValue))]
        public string[]? TokenValue { get; set; }
    }
}
