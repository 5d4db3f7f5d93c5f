using System.Threading;
using System.Threading.Tasks;

namespace CallTracking.Sandbox.Http
{
    /// <summary>One provider's API emulator; the router hands it every request under the paths it owns.</summary>
    internal interface IProviderEmulator
    {
        /// <summary>Name recorded in the request log ("TrackDrive").</summary>
        string Name { get; }

        bool OwnsPath(string rawPath);

        /// <summary>Handles a request; must not throw for bad input (answer 4xx instead).</summary>
        Task<SandboxHttpResponse> HandleAsync(SandboxHttpRequest request, CancellationToken cancellationToken);
    }
}
