using System.Management.Automation;
using CallTracking.Core.Capabilities;
using CallTracking.Core.Providers.Avanser;
using CallTracking.PowerShell.Transformations;

namespace CallTracking.PowerShell.Providers.Avanser
{
    /// <summary>Find-TrackingNumber on an AVANSER connection: the stock of one number class, private stock first.</summary>
    [CmdletParameters(AvanserApi.ProviderName, "Find-TrackingNumber")]
    public sealed class AvanserStockSearchParameters : ProviderParameters
    {
        /// <summary>GEO (the default), TOLLFREE, FREECALL or MOBILE (number_class).</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [Alias("number_class")]
        [SeedList(typeof(AvanserApi), nameof(AvanserApi.NumberClasses))]
        public string? NumberClass { get; set; }

        /// <summary>How many numbers to list at most (limit: 1 to 1000; AVANSER's default 50).</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [Int32Transformation(nameof(Limit))]
        public int? Limit { get; set; }

        public override ProviderOptions ToOptions() => new AvanserStockSearch
        {
            NumberClass = Base.AllowedValues.Canonical(NumberClass, AvanserApi.NumberClasses) ?? AvanserApi.DefaultNumberClass,
            Limit = Limit,
        };
    }
}
