using System.Management.Automation;
using CallTracking.Core.Capabilities;
using CallTracking.Core.Model;
using CallTracking.PowerShell.Base;

namespace CallTracking.PowerShell.Commands.Numbers
{
    /// <summary>
    /// Buys (rents) a tracking number. Spends money: the request is checked first (a bad row is an error, never a "What
    /// if"), ShouldProcess names what is bought, -WhatIf sends nothing, and the purchase is sent once (a failure that may
    /// have reached the server is OutcomeUnknown, never repeated). What to buy is the provider's: its parameters bind from
    /// a CSV by property name.
    /// </summary>
    [Cmdlet(VerbsCommon.New, "TrackingNumber", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(TrackingNumber))]
    public sealed class NewTrackingNumberCommand : CallTrackingCmdlet
    {
        /// <summary>Buys without asking for confirmation (-WhatIf still wins).</summary>
        [Parameter]
        public SwitchParameter Force { get; set; }

        protected override void ProcessRecord()
        {
            var connection = ResolveConnection();
            var options = BoundProviderParameters()?.ToOptions();
            var purchase = new NumberPurchase { Options = options };
            INumberPurchase? buyer = null;
            string? what = null;
            if (!TryProcess(() =>
                {
                    buyer = connection.Capability<INumberPurchase>(CommandName);
                    buyer.Validate(purchase);
                    what = buyer.Describe(purchase);
                }, options) || buyer is null) return;
            if (!ShouldChange(what + " (" + connection.Provider + ", connection '" + connection.Name + "')", "Purchase (spends money)", Force)) return;
            TryProcess(() => WriteObject(RunAsync(ct => buyer.PurchaseNumberAsync(purchase, ct))), what);
        }
    }
}
