using System.Net;

namespace CallTracking.Bootstrap
{
    internal static class SecurityProtocols
    {
        /// <summary>
        /// Adds TLS 1.2 to an explicit protocol list (Windows PowerShell's default is SSL 3 + TLS 1.0, which providers
        /// refuse). SystemDefault (0) is left alone: the OS then chooses, TLS 1.2 and 1.3 included, and OR-ing would
        /// narrow it to TLS 1.2 only.
        /// </summary>
        public static SecurityProtocolType WithTls12(SecurityProtocolType current)
            => current == 0 ? current : current | SecurityProtocolType.Tls12;
    }
}
