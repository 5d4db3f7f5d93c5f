using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Net.Sockets;
using System.Threading;
using System.Threading.Tasks;
using CallTracking.Core.Validation;
using CallTracking.PowerShell.Base;
using CallTracking.PowerShell.Transformations;
using CallTracking.Sandbox;

namespace CallTracking.PowerShell.Commands.Sandbox
{
    /// <summary>
    /// Makes a sandbox send its provider's own callbacks (call events, SMS forwards…) to a loopback URL, so a listener such as
    /// Receive-CallEvent can be tried and tested without the provider. The sandbox is the one behind the (current) sandbox
    /// connection, or -Sandbox from Start-CallTrackingSandbox. It first waits (up to -TimeoutSec) until the URL's port takes
    /// connections, so it can be started just before the listener; -NoWait sends in the background and returns at once.
    /// Emits one SandboxCallbackRecord per callback (its status, or why it failed) unless -NoWait.
    /// </summary>
    [Cmdlet(VerbsCommunications.Send, "CallTrackingSandboxEvent", DefaultParameterSetName = ParameterSets.Connection)]
    [OutputType(typeof(SandboxCallbackRecord))]
    public sealed class SendCallTrackingSandboxEventCommand : CallTrackingCmdlet
    {
        /// <summary>Where to send: a loopback http URL; [[tag]] placeholders (New-CallbackUriTemplate) are filled in.</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [Alias("CallbackUri")]
        [ValidateNotNullOrEmpty]
        public string Uri { get; set; } = string.Empty;

        /// <summary>How many callbacks (default 1).</summary>
        [Parameter(Position = 1)]
        [Int32Transformation(nameof(Count))]
        [ValidateRange(1, 100_000)]
        public int Count { get; set; } = 1;

        /// <summary>What to send: one of the sandbox provider's event kinds (the first is the default).</summary>
        [Parameter]
        [ArgumentCompleter(typeof(SandboxEventKindCompleter))]
        public string? Kind { get; set; }

        /// <summary>A sandbox from Start-CallTrackingSandbox (default: the in-process sandbox of the connection).</summary>
        [Parameter(Mandatory = true, ValueFromPipeline = true, ParameterSetName = ParameterSets.Sandbox)]
        public CallTrackingSandbox? Sandbox { get; set; }

        /// <summary>With -Sandbox: the provider whose callbacks to send, when the sandbox has more than one that sends any.</summary>
        [Parameter(ParameterSetName = ParameterSets.Sandbox)]
        [ArgumentCompleter(typeof(Providers.ProviderNameCompleter))]
        public string? Provider { get; set; }

        /// <summary>Seconds to wait for the URL's port to take connections before sending (default 30).</summary>
        [Parameter]
        [Int32Transformation(nameof(TimeoutSec))]
        [ValidateRange(1, 3600)]
        public int TimeoutSec { get; set; } = 30;

        /// <summary>Returns at once and sends in the background (the outcome is in the sandbox's Callbacks.Sent).</summary>
        [Parameter]
        [BooleanTransformation(nameof(NoWait))]
        public SwitchParameter NoWait { get; set; }

        protected override void ProcessRecord()
        {
            var sandbox = ResolveSandbox(ParameterSetName == ParameterSets.Sandbox ? Sandbox : null, out var connection);
            if (sandbox is null) return;
            var provider = connection?.Provider ?? Provider;
            if (connection != null && !sandbox.Emulators.Any(e => e is ISandboxEventSource && string.Equals(e.Provider, provider, StringComparison.OrdinalIgnoreCase)))
            {
                var senders = sandbox.Emulators.Where(e => e is ISandboxEventSource).Select(e => e.Provider).ToList();
                WriteItemError(new CallTrackingArgumentException("Connection", connection.Name + " (" + connection.Provider + ")",
                    "a sandbox connection to a provider whose sandbox sends callbacks" + (senders.Count == 0 ? "" : ": " + string.Join(", ", senders))
                    + "; " + connection.Provider + "'s sends none"), connection);
                return;
            }

            TryProcess(() => Send(sandbox, provider), Uri);
        }

        private void Send(CallTrackingSandbox sandbox, string? provider)
        {
            var (name, source) = SourceOf(sandbox, provider);
            var kind = Kind is null ? source.EventKinds[0] : source.EventKinds.FirstOrDefault(k => string.Equals(k, Kind.Trim(), StringComparison.OrdinalIgnoreCase))
                ?? throw new CallTrackingArgumentException(nameof(Kind), Kind, "one of the events " + name + "'s sandbox sends: " + string.Join(", ", source.EventKinds));
            if (!System.Uri.TryCreate(Uri.Trim(), UriKind.Absolute, out var uri))
                throw new CallTrackingArgumentException(nameof(Uri), Uri, "an absolute http(s) URL on this machine, such as http://127.0.0.1:8080/callback");
            if ((uri.Scheme != System.Uri.UriSchemeHttp && uri.Scheme != System.Uri.UriSchemeHttps) || !HttpCallbackSink.IsLoopback(uri))
                throw new CallTrackingArgumentException(nameof(Uri), uri.OriginalString, "an http(s) URL on this machine (127.0.0.1, ::1 or localhost): the sandbox sends callbacks only to loopback hosts");
            if (Count > source.MaxEvents(kind))
                throw new CallTrackingArgumentException(nameof(Count), Count, "at most " + source.MaxEvents(kind) + " (the " + kind + " events " + name + "'s sandbox has)");

            var timeout = TimeSpan.FromSeconds(TimeoutSec);
            if (NoWait)
            {
                // Not tied to this pipeline: it carries on after the cmdlet returns, as a background sender should.
                _ = Task.Run(async () =>
                {
                    using var cts = new CancellationTokenSource(timeout + TimeSpan.FromMinutes(5));
                    if (await WaitForListenerAsync(uri, timeout, cts.Token).ConfigureAwait(false))
                        await source.SendEventsAsync(kind, uri, Count, cts.Token).ConfigureAwait(false);
                });
                WriteVerboseLine("Sending " + Count + " " + kind + " event(s) of " + name + " to " + uri.GetLeftPart(UriPartial.Path) + " in the background, once it takes connections (within " + TimeoutSec + " s).");
                return;
            }

            var ready = RunAsync(ct => WaitForListenerAsync(uri, timeout, ct));
            if (!ready)
                throw new CallTrackingArgumentException(nameof(Uri), uri.GetLeftPart(UriPartial.Path),
                    "a URL something listens on: nothing took a connection on port " + uri.Port + " within -TimeoutSec " + TimeoutSec + " (start Receive-CallEvent first, or use -NoWait)");
            var sent = RunAsync(ct => source.SendEventsAsync(kind, uri, Count, ct));
            WriteObject(sent, true);
        }

        private static (string Name, ISandboxEventSource Source) SourceOf(CallTrackingSandbox sandbox, string? provider)
        {
            var sources = sandbox.Emulators.Where(e => e is ISandboxEventSource).ToList();
            if (provider != null)
            {
                var match = sources.FirstOrDefault(e => string.Equals(e.Provider, provider.Trim(), StringComparison.OrdinalIgnoreCase));
                if (match is null)
                    throw new CallTrackingArgumentException("Provider", provider, sources.Count == 0
                        ? "a provider whose sandbox sends callbacks (this sandbox has none)"
                        : "a provider whose sandbox sends callbacks: " + string.Join(", ", sources.Select(e => e.Provider)));
                return (match.Provider, (ISandboxEventSource)match);
            }
            if (sources.Count == 1) return (sources[0].Provider, (ISandboxEventSource)sources[0]);
            throw new CallTrackingArgumentException("Provider", null, sources.Count == 0
                ? "a provider whose sandbox sends callbacks (this sandbox has none)"
                : "the provider whose callbacks to send: " + string.Join(", ", sources.Select(e => e.Provider)));
        }

        /// <summary>True once a TCP connection to the URL's port succeeds (the probe is closed at once, sending nothing).</summary>
        private static async Task<bool> WaitForListenerAsync(Uri uri, TimeSpan timeout, CancellationToken cancellationToken)
        {
            var deadline = DateTime.UtcNow + timeout;
            var host = uri.IsLoopback && uri.HostNameType == UriHostNameType.Dns ? "127.0.0.1" : uri.Host.Trim('[', ']');
            while (true)
            {
                cancellationToken.ThrowIfCancellationRequested();
                using (var probe = new TcpClient(host.Contains(":") ? AddressFamily.InterNetworkV6 : AddressFamily.InterNetwork))
                {
                    try
                    {
                        var connect = probe.ConnectAsync(host, uri.Port);
                        if (await Task.WhenAny(connect, Task.Delay(TimeSpan.FromSeconds(2), cancellationToken)).ConfigureAwait(false) == connect)
                        {
                            await connect.ConfigureAwait(false);
                            return true;
                        }
                    }
                    catch (SocketException) { }
                }
                if (DateTime.UtcNow >= deadline) return false;
                await Task.Delay(100, cancellationToken).ConfigureAwait(false);
            }
        }
    }
}
