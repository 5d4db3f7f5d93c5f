using System;
using System.Linq;
using System.Management.Automation;
using CallTracking.Core.Validation;
using CallTracking.PowerShell.Base;
using CallTracking.PowerShell.Transformations;
using CallTracking.Sandbox;

namespace CallTracking.PowerShell.Commands.Sandbox
{
    /// <summary>
    /// The requests a sandbox received (method, path, query, status, injected fault), oldest first: of the sandbox behind
    /// the (current) sandbox connection, or of the given sandbox. -Last N keeps the last N; -Clear empties the log after
    /// reading it.
    /// </summary>
    [Cmdlet(VerbsCommon.Get, "CallTrackingSandboxRequest", DefaultParameterSetName = ParameterSets.Connection)]
    [OutputType(typeof(SandboxRequest))]
    public sealed class GetCallTrackingSandboxRequestCommand : CallTrackingCmdlet
    {
        /// <summary>A sandbox from Start-CallTrackingSandbox (default: the in-process sandbox of the connection).</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ParameterSetName = ParameterSets.Sandbox)]
        public CallTrackingSandbox? Sandbox { get; set; }

        /// <summary>Only the last N requests.</summary>
        [Parameter]
        [Int32Transformation(nameof(Last))]
        [ValidateRange(0, int.MaxValue)]
        public int? Last { get; set; }

        /// <summary>Empties the request log after reading it.</summary>
        [Parameter]
        public SwitchParameter Clear { get; set; }

        protected override void ProcessRecord()
        {
            var sandbox = ResolveSandbox(ParameterSetName == ParameterSets.Sandbox ? Sandbox : null, out _);
            if (sandbox is null) return;

            var log = sandbox.Requests;
            var requests = log.ToList();
            var skip = Last.HasValue ? Math.Max(0, requests.Count - Last.Value) : 0;
            WriteObject(requests.Skip(skip), true);
            if (Clear) log.Clear();
        }
    }
}
