using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using CallTracking.Core.Capabilities;
using CallTracking.Core.Connections;
using CallTracking.Core.Model;
using CallTracking.Core.Paging;
using CallTracking.PowerShell.Errors;

namespace CallTracking.PowerShell.Base
{
    // Asynchronous provisioning (INumberProvisioning): New-, Set- and Remove-TrackingNumber submit each request as its row
    // arrives and emit it at once; with -Wait they keep the requests and, in EndProcessing, wait for all of them together
    // (one result per row, in input order). Wait-ProvisioningRequest uses the same waiting.
    public abstract partial class CallTrackingCmdlet
    {
        private readonly List<(CallTrackingConnection Connection, ProvisioningRequest Request)> _submitted = new List<(CallTrackingConnection, ProvisioningRequest)>();

        /// <summary>What one asynchronous change is: its ShouldProcess target and action, and the submit (sent once).</summary>
        protected sealed class ProvisioningSubmit
        {
            public ProvisioningSubmit(string target, string action, Func<System.Threading.CancellationToken, System.Threading.Tasks.Task<ProvisioningRequest>> send)
            {
                Target = target;
                Action = action;
                Send = send;
            }

            public string Target { get; }
            public string Action { get; }
            public Func<System.Threading.CancellationToken, System.Threading.Tasks.Task<ProvisioningRequest>> Send { get; }
        }

        /// <summary>
        /// One row of New-/Set-/Remove-TrackingNumber on a provider that provisions asynchronously: prepared (checked, an
        /// error for its row) → ShouldProcess → submitted once → emitted now, or kept for -Wait.
        /// </summary>
        protected void SubmitProvisioning(CallTrackingConnection connection, Func<INumberProvisioning, ProvisioningSubmit> prepare, object? errorTarget, bool force, bool wait)
        {
            ProvisioningSubmit? submit = null;
            if (!TryProcess(() => submit = prepare(connection.Capability<INumberProvisioning>(CommandName)), errorTarget) || submit is null) return;
            if (!ShouldChange(TargetOn(connection, submit.Target), submit.Action, force)) return;
            TryProcess(() => EmitSubmitted(connection, RunAsync(submit.Send), wait), submit.Target);
        }

        /// <summary>Emits a submitted request now, or (waiting) keeps it for <see cref="WaitForSubmitted"/>.</summary>
        protected void EmitSubmitted(CallTrackingConnection connection, ProvisioningRequest request, bool wait)
        {
            if (wait) _submitted.Add((connection, request));
            else WriteObject(request);
        }

        /// <summary>Waits for the kept requests (all of them together, per connection) and emits each as it stands.</summary>
        protected void WaitForSubmitted(int? timeoutSec)
        {
            if (_submitted.Count == 0) return;
            var rows = _submitted.ToList();
            _submitted.Clear();
            foreach (var group in rows.GroupBy(r => r.Connection))
                WaitAndEmit(group.Key, group.Select(r => r.Request).ToList(), timeoutSec);
        }

        /// <summary>
        /// Polls the requests until they finish (back-off, Write-Progress) or the timeout passes; emits each finished one,
        /// a non-terminating error for one that failed or is still pending.
        /// </summary>
        protected void WaitAndEmit(CallTrackingConnection connection, IReadOnlyList<ProvisioningRequest> requests, int? timeoutSec)
        {
            IReadOnlyList<ProvisioningRequest>? finished = null;
            if (!TryProcess(() =>
                {
                    var reader = connection.Capability<IProvisioningRequests>(CommandName);
                    var timeout = timeoutSec.HasValue ? TimeSpan.FromSeconds(timeoutSec.Value) : (TimeSpan?)null;
                    // Its own progress record ("3 of 20 finished"), completed when the wait ends.
                    var activityId = Math.Abs(GetHashCode() % 100000) + 1;
                    const string activity = "Waiting for provisioning requests";
                    var pump = new Core.Threading.PipelinePump(WriteVerboseLine, p => WriteProgress(new System.Management.Automation.ProgressRecord(activityId, activity,
                        p.Received.ToString(CultureInfo.InvariantCulture) + " of " + p.TotalCount.GetValueOrDefault().ToString(CultureInfo.InvariantCulture) + " finished (round " + p.PageNumber.ToString(CultureInfo.InvariantCulture) + ")")
                    {
                        PercentComplete = p.TotalCount > 0 ? (int)(p.Received * 100 / p.TotalCount.Value) : 0,
                    }), WriteWarningLine);
                    var observer = pump.ProgressObserver;
                    var round = 0;
                    try
                    {
                        finished = pump.Run(ct => ProvisioningWait.WaitAsync(reader, requests, timeout,
                            (done, total) => observer(new PageProgress("provisioning requests", ++round, done, total)), ct), StopToken);
                    }
                    finally
                    {
                        try { WriteProgress(new System.Management.Automation.ProgressRecord(activityId, activity, "Done") { PercentComplete = 100, RecordType = System.Management.Automation.ProgressRecordType.Completed }); }
                        catch (System.Management.Automation.PipelineStoppedException) { }
                    }
                }, null) || finished is null) return;
            foreach (var r in finished) EmitFinished(r, timeoutSec);
        }

        private void EmitFinished(ProvisioningRequest r, int? timeoutSec)
        {
            switch (r.State)
            {
                case ProvisioningState.Completed:
                    WriteObject(r);
                    break;
                case ProvisioningState.Failed:
                    WriteProvisioningError(new CallTrackingException(r.Provider, CommandName, CallTrackingErrorKind.ProviderFailure,
                        "Provisioning request " + r.Id + " (" + (r.Type ?? "request") + (r.Number != null ? " for " + r.Number : string.Empty)
                        + (r.CustomId != null ? ", custom id " + r.CustomId : string.Empty) + ") failed: " + (r.Error ?? r.Status ?? "no reason given").TrimEnd('.') + ".") { Target = r.Id },
                        r, "Correct the request and submit it again (Get-ProvisioningRequest -Id " + r.Id + " shows it).");
                    break;
                default:
                    WriteProvisioningError(new CallTrackingException(r.Provider, CommandName, CallTrackingErrorKind.OutcomeUnknown,
                        "Provisioning request " + r.Id + " is still " + (r.Status ?? "pending") + " after " + (timeoutSec ?? 0).ToString(CultureInfo.InvariantCulture) + " s.") { Target = r.Id },
                        r, "Wait again with Wait-ProvisioningRequest -Id " + r.Id + " (do not submit it again).");
                    break;
            }
        }

        private void WriteProvisioningError(CallTrackingException exception, ProvisioningRequest request, string action)
        {
            var record = ErrorMapper.ToErrorRecord(exception, request);
            record.ErrorDetails = new System.Management.Automation.ErrorDetails(exception.Message) { RecommendedAction = action };
            WriteError(record);
        }
    }
}
