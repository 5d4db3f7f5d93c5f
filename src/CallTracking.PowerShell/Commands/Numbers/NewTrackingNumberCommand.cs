using System.Management.Automation;
using CallTracking.Core.Capabilities;
using CallTracking.Core.Connections;
using CallTracking.Core.Model;
using CallTracking.PowerShell.Base;
using CallTracking.PowerShell.Transformations;

namespace CallTracking.PowerShell.Commands.Numbers
{
    /// <summary>
    /// Buys (rents) a tracking number. Spends money: the request is checked first (a bad row is an error, never a "What
    /// if"), ShouldProcess names what is bought, -WhatIf sends nothing, and the purchase is sent once (a failure that may
    /// have reached the server is OutcomeUnknown, never repeated). What to buy is the provider's: its parameters bind from
    /// a CSV by property name.
    /// </summary>
    [Cmdlet(VerbsCommon.New, "TrackingNumber", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(TrackingNumber), typeof(ProvisioningRequest))]
    public sealed class NewTrackingNumberCommand : CallTrackingCmdlet
    {
        /// <summary>Buys without asking for confirmation (-WhatIf still wins).</summary>
        [Parameter]
        public SwitchParameter Force { get; set; }

        /// <summary>
        /// On a provider that provisions asynchronously (the command returns a ProvisioningRequest): waits for the requests
        /// to finish — all rows are submitted first, then awaited together — and emits each finished request.
        /// </summary>
        [Parameter]
        public SwitchParameter Wait { get; set; }

        /// <summary>With -Wait: how long to wait at most, in seconds (default: until they finish).</summary>
        [Parameter]
        [Int32Transformation(nameof(TimeoutSec))]
        [ValidateRange(1, int.MaxValue)]
        public int? TimeoutSec { get; set; }

        private readonly BatchRows<NumberPurchase> _rows = new BatchRows<NumberPurchase>();

        protected override void ProcessRecord()
        {
            var connection = ResolveConnection();
            var options = BoundProviderParameters()?.ToOptions();
            var purchase = new NumberPurchase { Options = options };
            if (connection.Supports<INumberProvisioning>())
            {
                // Asynchronous: the request is answered at once (sent once); -Wait awaits all rows together in EndProcessing.
                SubmitProvisioning(connection, p =>
                {
                    p.Validate(purchase);
                    return new ProvisioningSubmit(p.Describe(purchase), "Request a new number (spends money)", ct => p.RequestNumberAsync(purchase, ct));
                }, options, Force, Wait);
                return;
            }
            if (connection.Supports<IBatchNumberPurchase>())
            {
                // Numbers of one kind are bought in one request (in EndProcessing), each row still its own result.
                AddBatchRow(_rows, connection, () => purchase, null);
                return;
            }
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

        protected override void EndProcessing()
        {
            RunBatches(_rows, c => c.Capability<IBatchNumberPurchase>(CommandName).PurchaseBatch(), BatchCmdlet<NumberPurchase>.DefaultBatchSize, Force, PurchasedNumber);
            WaitForSubmitted(TimeoutSec);
            base.EndProcessing();
        }

        /// <summary>The number bought (a success whose reply lists no number says so in a warning).</summary>
        private object? PurchasedNumber(BatchResult result)
        {
            if (!result.Succeeded) return null;
            if (result.Value != null) return result.Value;
            WriteWarningLine("The purchase of " + (result.Number ?? "row " + result.Row) + " succeeded, but the reply listed no number: check with Get-TrackingNumber.");
            return null;
        }
    }
}
