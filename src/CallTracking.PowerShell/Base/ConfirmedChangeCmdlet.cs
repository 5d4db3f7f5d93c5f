using System;
using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using CallTracking.Core.Connections;

namespace CallTracking.PowerShell.Base
{
    /// <summary>
    /// Base of the ConfirmImpact High one-shot changes (Stop-Call, Remove-TrackingNumber): declares -Force and -PassThru and
    /// runs the change: the request is prepared and checked first (a bad id is an error, never a "What if"), then
    /// ShouldChange (WhatIf beats Force beats Confirm), then one request, a verbose line and, with -PassThru, the object
    /// the provider returned.
    /// </summary>
    public abstract class ConfirmedChangeCmdlet : CallTrackingCmdlet
    {
        /// <summary>Makes the change without asking for confirmation (-WhatIf still wins).</summary>
        [Parameter]
        public SwitchParameter Force { get; set; }

        /// <summary>Outputs the object as the provider returns it after the change (when it returns one).</summary>
        [Parameter]
        public SwitchParameter PassThru { get; set; }

        /// <summary>A checked change, ready to send: what it targets, what it does, how to send it.</summary>
        protected sealed class Change
        {
            public Change(string target, string action, Func<CancellationToken, Task<object?>> send, string done)
            {
                Target = target;
                Action = action;
                Send = send;
                Done = done;
            }

            public Change(string target, string action, Func<CancellationToken, Task<Core.Model.CallRecord?>> send, string done)
                : this(target, action, async ct => (object?)await send(ct).ConfigureAwait(false), done) { }

            public Change(string target, string action, Func<CancellationToken, Task<Core.Model.TrackingNumber?>> send, string done)
                : this(target, action, async ct => (object?)await send(ct).ConfigureAwait(false), done) { }

            public string Target { get; }
            public string Action { get; }
            public Func<CancellationToken, Task<object?>> Send { get; }
            public string Done { get; }
        }

        protected void ProcessChange(CallTrackingConnection connection, Func<Change> prepare, object? errorTarget)
        {
            Change? change = null;
            if (!TryProcess(() => change = prepare(), errorTarget) || change is null) return;
            if (!ShouldChange(change.Target + " (" + connection.Provider + ", connection '" + connection.Name + "')", change.Action, Force)) return;
            TryProcess(() =>
            {
                var result = RunAsync(change.Send);
                WriteVerboseLine(change.Done);
                if (PassThru && result != null) WriteObject(result);
            }, errorTarget);
        }
    }
}
