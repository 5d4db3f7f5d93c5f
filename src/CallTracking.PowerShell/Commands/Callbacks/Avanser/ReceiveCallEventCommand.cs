using System;
using System.Diagnostics;
using System.Management.Automation;
using System.Net;
using System.Security;
using CallTracking.Core.Connections;
using CallTracking.Core.Providers.Avanser;
using CallTracking.Core.Validation;
using CallTracking.PowerShell.Base;
using CallTracking.PowerShell.Errors;
using CallTracking.PowerShell.Transformations;

namespace CallTracking.PowerShell.Commands.Callbacks
{
    /// <summary>
    /// Listens for AVANSER HTTP callbacks and SMS forwards on http://127.0.0.1:Port/Path/ (HttpListener, loopback only) and
    /// emits one AvanserCallRecord or AvanserSmsForward per request as it arrives, until -Count records, -TimeoutSec or Ctrl+C.
    /// Each request is answered at once (200 taken, 400 not a callback, 403 without the -Token, 413/414 too large, 503 after
    /// -Count); at most -MaxConnections connections stay open between requests; the listener's threads only queue, this cmdlet writes on the pipeline thread. Malformed requests are
    /// non-terminating NotACallback errors. The token is never shown (the URL in errors and SourceUri masks it).
    /// (In a folder named after its provider: the callbacks are AVANSER's.)
    /// </summary>
    [Cmdlet(VerbsCommunications.Receive, "CallEvent")]
    [OutputType(typeof(AvanserCallRecord), typeof(AvanserSmsForward))]
    public sealed class ReceiveCallEventCommand : CallTrackingCmdletBase
    {
        /// <summary>The loopback port to listen on.</summary>
        [Parameter(Mandatory = true, Position = 0)]
        [Int32Transformation(nameof(Port))]
        [ValidateRange(1, 65535)]
        public int Port { get; set; }

        /// <summary>
        /// The address to listen on: this machine only by default (127.0.0.1; localhost on Windows); "*" for every interface
        /// (AVANSER reaching this machine directly: use -Token; Windows needs a URL ACL for it); or one address or host name.
        /// </summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? ListenAddress { get; set; }

        /// <summary>The path to listen on (default /): the callback URL's path.</summary>
        [Parameter(Position = 1)]
        public string Path { get; set; } = "/";

        /// <summary>Stop after this many records (errors do not count).</summary>
        [Parameter]
        [Int32Transformation(nameof(Count))]
        [ValidateRange(1, int.MaxValue)]
        public int? Count { get; set; }

        /// <summary>Stop after this many seconds.</summary>
        [Parameter]
        [Int32Transformation(nameof(TimeoutSec))]
        [ValidateRange(1, int.MaxValue)]
        public int? TimeoutSec { get; set; }

        /// <summary>The value the token query parameter must have (a SecureString); without it, a request is answered 403.</summary>
        [Parameter]
        [SecureStringTransformation(nameof(Token))]
        public SecureString? Token { get; set; }

        /// <summary>The largest request taken, URL and body (default 65536 bytes).</summary>
        [Parameter]
        [Int32Transformation(nameof(MaxRequestSize))]
        [ValidateRange(1024, 16 * 1024 * 1024)]
        public int? MaxRequestSize { get; set; }

        /// <summary>
        /// The most connections kept open between requests (default 64): beyond it, each answer closes its connection, so a
        /// flood of senders holds a bounded number of sockets; no callback is refused for it.
        /// </summary>
        [Parameter]
        [Int32Transformation(nameof(MaxConnections))]
        [ValidateRange(1, 10000)]
        public int? MaxConnections { get; set; }

        protected override void EndProcessing()
        {
            var host = ListenAddress?.Trim();
            if (host != null && host != "*" && host != "+" && Uri.CheckHostName(host.Trim('[', ']')) == UriHostNameType.Unknown)
                ThrowTerminatingError(ErrorMapper.ToErrorRecord(new CallTrackingArgumentException(nameof(ListenAddress), ListenAddress,
                    "an IP address or host name of this machine, or * for every interface (the default is this machine only, " + AvanserCallbackListener.LoopbackHost + ")"), null));
            var prefix = AvanserCallbackListener.PrefixFor(host, Port, Path);
            if (!AvanserCallbackListener.IsLoopbackHost(host) && Token is null)
                WriteWarning("Receive-CallEvent listens on " + prefix + ", reachable from other machines, without -Token: anyone who can reach it can send calls. Give AVANSER a URL with token=… and pass the same value to -Token.");
            var options = new AvanserCallbackListenerOptions { MaxRecords = Count };
            if (MaxRequestSize.HasValue) options.MaxRequestBytes = MaxRequestSize.Value;
            if (MaxConnections.HasValue) options.MaxConnections = MaxConnections.Value;
            using var token = Token is null ? null : new SecretValue(Token);
            using var listener = new AvanserCallbackListener(prefix, token, options);
            try
            {
                listener.Start();
            }
            catch (Exception ex) when (ex is HttpListenerException || ex is System.Net.Sockets.SocketException || ex is InvalidOperationException || ex is ArgumentException)
            {
                var message = "Receive-CallEvent could not listen on " + prefix + ": " + ex.Message + " (-Port " + Port + "; is the port in use?)";
                ThrowTerminatingError(new ErrorRecord(new InvalidOperationException(message, ex), ErrorIds.ListenerFailed, ErrorCategory.ResourceUnavailable, prefix));
            }
            WriteVerboseLine("Listening for AVANSER callbacks on " + prefix + (token is null ? "" : " (token required)")
                             + (Count.HasValue ? "; stopping after " + Count + " records" : "")
                             + (TimeoutSec.HasValue ? "; stopping after " + TimeoutSec + " s" : "") + ".");

            var clock = Stopwatch.StartNew();
            var deadline = TimeoutSec.HasValue ? TimeSpan.FromSeconds(TimeoutSec.Value) : (TimeSpan?)null;
            long emitted = 0;
            try
            {
                while (!Count.HasValue || emitted < Count.Value)
                {
                    var wait = TimeSpan.FromMilliseconds(250);
                    if (deadline.HasValue)
                    {
                        var left = deadline.Value - clock.Elapsed;
                        if (left <= TimeSpan.Zero) { WriteVerboseLine("Receive-CallEvent: -TimeoutSec " + TimeoutSec + " reached after " + emitted + " records."); break; }
                        if (left < wait) wait = left;
                    }
                    if (!listener.Events.TryTake(out var e, (int)Math.Ceiling(wait.TotalMilliseconds), StopToken)) continue;
                    if (e.Notice != null)
                    {
                        WriteVerboseLine("Receive-CallEvent: the request " + e.Url + (e.Remote is null ? "" : " from " + e.Remote) + " was " + e.Notice + ".");
                        continue;
                    }
                    if (e.Record != null)
                    {
                        emitted++;
                        WriteObject(e.Record);
                        continue;
                    }
                    var message = "The request " + e.Url + (e.Remote is null ? "" : " from " + e.Remote) + " " + e.Error + ".";
                    WriteError(new ErrorRecord(new FormatException(message), ErrorIds.NotACallback, ErrorCategory.InvalidData, e.Url) { ErrorDetails = new ErrorDetails(message) });
                }
            }
            catch (OperationCanceledException) when (StopToken.IsCancellationRequested)
            {
                // Ctrl+C: stop listening (the using disposes the listener).
            }
            finally
            {
                listener.Stop();
                if (listener.Refused > 0) WriteVerboseLineSafe("Receive-CallEvent refused " + listener.Refused + " requests (403, 413, 414 or 503).");
                if (listener.ClosedForConnectionLimit > 0)
                    WriteVerboseLineSafe("Receive-CallEvent closed " + listener.ClosedForConnectionLimit + " connections after their answer (-MaxConnections " + options.MaxConnections + " were open).");
            }
            base.EndProcessing();
        }

        private void WriteVerboseLineSafe(string message)
        {
            if (StopToken.IsCancellationRequested) return;
            try { WriteVerboseLine(message); } catch (PipelineStoppedException) { }
        }
    }
}
