using CallTracking.Core.Capabilities;
using CallTracking.Core.Providers.TrackDrive;

namespace CallTracking.PowerShell.Providers.TrackDrive
{
    /// <summary>Get-CallLog on a TrackDrive connection: the call filters plus text search, time zone and columns [calls].</summary>
    // The list filters are not bound from the pipeline, so that a piped record selects the InputObject set instead of
    // turning its own properties (Status, InProgress…) into filters.
    [CmdletParameters(TrackDriveApi.ProviderName, "Get-CallLog", ParameterSetName = Base.ParameterSets.List, PipelineByPropertyName = "false")]
    public sealed class TrackDriveCallLogParameters : TrackDriveCallListParameters
    {
        public override ProviderOptions ToOptions() => FillList(new TrackDriveCallQuery());
    }
}
