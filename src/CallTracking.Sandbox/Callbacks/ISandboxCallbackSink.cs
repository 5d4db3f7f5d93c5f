using System.Threading;
using System.Threading.Tasks;

namespace CallTracking.Sandbox
{
    /// <summary>Delivers the emulators' outbound callbacks. The default (<see cref="HttpCallbackSink"/>) sends them with an
    /// HttpClient; tests put a sink of their own in <see cref="SandboxCallbacks.Sink"/> to capture them instead.</summary>
    public interface ISandboxCallbackSink
    {
        /// <summary>Sends one callback; returns the HTTP status the receiver answered. Throws when it could not be delivered.</summary>
        Task<int> SendAsync(SandboxCallback callback, CancellationToken cancellationToken);
    }
}
