using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using CallTracking.Sandbox.Http;

namespace CallTracking.Sandbox
{
    /// <summary>
    /// One provider's API emulator. The sandbox builds every registered emulator (<see cref="SandboxEmulatorRegistry"/>),
    /// routes each request to the emulator whose endpoint prefix the path starts with, and knows providers only through
    /// this interface.
    /// </summary>
    public interface ISandboxEmulator
    {
        /// <summary>The provider's name as the module spells it; letters and digits only (it also names the in-process
        /// host, https://sandbox.&lt;name lowercase&gt;.invalid/).</summary>
        string Provider { get; }

        /// <summary>The APIs it serves; the first is the default of <see cref="CallTrackingSandbox.BaseUriFor(string, string?)"/>.</summary>
        IReadOnlyList<SandboxEndpoint> Endpoints { get; }

        /// <summary>The credential a test connection should use (one of <see cref="Credentials"/>).</summary>
        SandboxCredential TestCredential { get; }

        /// <summary>Every credential it accepts.</summary>
        IReadOnlyList<SandboxCredential> Credentials { get; }

        /// <summary>Query, form and JSON names whose values are secrets; the sandbox adds them to the shared list
        /// (CallTracking.Core.Http.SecretNames) when it builds the emulator, so its request log never shows them.</summary>
        IReadOnlyCollection<string> SecretNames { get; }

        /// <summary>The operation a request asks for (e.g. "Provider.ListCalls"), or null when it names none; fault rules
        /// match on it and the request log records it. Must not throw.</summary>
        string? OperationOf(SandboxHttpRequest request);

        /// <summary>Handles a request under one of its endpoints; bad input gets a 4xx answer, never an exception.</summary>
        Task<SandboxHttpResponse> HandleAsync(SandboxHttpRequest request, CancellationToken cancellationToken);

        /// <summary>The provider's own error envelope inside an HTTP 200 (<see cref="FaultKind.ProviderErrorIn200"/>);
        /// null <paramref name="code"/> or <paramref name="message"/> = the emulator's defaults.</summary>
        SandboxHttpResponse ProviderErrorIn200(SandboxHttpRequest request, string? code, string? message);
    }
}
