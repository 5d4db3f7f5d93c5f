using System;
using System.Net.Http;
using System.Runtime.InteropServices;

namespace CallTracking.Core.Http
{
    /// <summary>
    /// Keeps the HTTP stack from sending a request again on its own. The .NET (Core) handler resends a request that has
    /// no content, up to three more times and below any retry policy, when the server closes the connection before a
    /// reply byte arrives: a release or a hang-up that the server read and then dropped went out four times, and a read
    /// with three retries sixteen. The handler never resends a request whose content it has started to send, so every
    /// request carries content, empty when it has no body (sent as "Content-Length: 0"). The executor's own retry policy
    /// is then the only one that decides what goes out again.
    /// </summary>
    public static class TransportResendGuard
    {
        /// <summary>
        /// False on .NET Framework (Windows PowerShell 5.1): its HttpWebRequest refuses content on a GET, and it does not
        /// resend in this way.
        /// </summary>
        public static bool NeedsEmptyContent { get; } =
            !RuntimeInformation.FrameworkDescription.StartsWith(".NET Framework", StringComparison.OrdinalIgnoreCase);

        public static HttpContent EmptyContent() => new ByteArrayContent(Array.Empty<byte>());
    }
}
