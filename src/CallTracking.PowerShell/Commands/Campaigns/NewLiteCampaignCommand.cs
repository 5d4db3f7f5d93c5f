using System.Management.Automation;
using CallTracking.Core.Capabilities;
using CallTracking.Core.Model;
using CallTracking.PowerShell.Base;

namespace CallTracking.PowerShell.Commands.Campaigns
{
    /// <summary>
    /// Creates a lite (offline) campaign for a static tracking number: print, TV, radio. The number is -Sid (a CSV's sid
    /// column) or a number piped from Get-TrackingNumber. Sent once (a repeat would create a second campaign).
    /// </summary>
    [Cmdlet(VerbsCommon.New, "LiteCampaign", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium, DefaultParameterSetName = ParameterSets.InputObject)]
    [OutputType(typeof(Campaign))]
    public sealed class NewLiteCampaignCommand : CallTrackingCmdlet
    {
        /// <summary>The campaign's title.</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true, ParameterSetName = ParameterSets.ById)]
        [Parameter(Position = 0, ParameterSetName = ParameterSets.InputObject)]
        public string Title { get; set; } = string.Empty;

        /// <summary>The tracking number's SID.</summary>
        [Parameter(Mandatory = true, Position = 1, ValueFromPipelineByPropertyName = true, ParameterSetName = ParameterSets.ById)]
        public string Sid { get; set; } = string.Empty;

        /// <summary>A tracking number from Get-TrackingNumber.</summary>
        [Parameter(Mandatory = true, ValueFromPipeline = true, ParameterSetName = ParameterSets.InputObject)]
        public ProviderRecord? InputObject { get; set; }

        /// <summary>A caption for the ad group the campaign belongs to.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true, ParameterSetName = ParameterSets.ById)]
        [Parameter(ParameterSetName = ParameterSets.InputObject)]
        public string? AdGroup { get; set; }

        /// <summary>A separate receiving number for the campaign's calls (any form).</summary>
        [Parameter(ValueFromPipelineByPropertyName = true, ParameterSetName = ParameterSets.ById)]
        [Parameter(ParameterSetName = ParameterSets.InputObject)]
        [Alias("forward_number")]
        public string? ForwardNumber { get; set; }

        [Parameter(ValueFromPipelineByPropertyName = true, ParameterSetName = ParameterSets.ById)]
        [Parameter(ParameterSetName = ParameterSets.InputObject)]
        public string? Extension { get; set; }

        /// <summary>Creates without asking for confirmation (-WhatIf still wins).</summary>
        [Parameter]
        public SwitchParameter Force { get; set; }

        protected override void ProcessRecord()
        {
            var connection = ResolveConnection();
            ICampaigns? campaigns = null;
            NewCampaign? campaign = null;
            string? what = null;
            if (!TryProcess(() =>
                {
                    var sid = TargetId<TrackingNumber>(connection, Sid, InputObject, "number");
                    campaign = new NewCampaign { Title = Title, Sid = sid, AdGroup = AdGroup, ForwardNumber = ForwardNumber, Extension = Extension };
                    campaigns = connection.Capability<ICampaigns>(CommandName);
                    campaigns.Validate(campaign);
                    what = campaigns.Describe(campaign);
                }, (object?)InputObject ?? Sid) || campaigns is null || campaign is null) return;
            if (!ShouldChange(TargetOn(connection, "number " + campaign.Sid), what!, Force)) return;
            TryProcess(() => WriteObject(RunAsync(ct => campaigns.AddCampaignAsync(campaign, ct))), campaign.Sid);
        }
    }
}
