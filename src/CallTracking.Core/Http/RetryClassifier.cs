using System;
using System.IO;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Net.Sockets;
using System.Security.Authentication;

namespace CallTracking.Core.Http
{
    /// <summary>What a transport failure says about whether the request reached the server.</summary>
    public static class RetryClassifier
    {
        /// <summary>The connection was refused or the host not reached: nothing was sent, so nothing was done.</summary>
        public static bool IsConnectionRefused(Exception exception)
        {
            for (var e = exception; e != null; e = e.InnerException)
            {
                if (e is SocketException se && (se.SocketErrorCode == SocketError.ConnectionRefused || se.SocketErrorCode == SocketError.HostNotFound
                    || se.SocketErrorCode == SocketError.HostUnreachable || se.SocketErrorCode == SocketError.NetworkUnreachable
                    || se.SocketErrorCode == SocketError.TryAgain || se.SocketErrorCode == SocketError.NoData))
                    return true;
                if (e is ConnectionRefusedException) return true;
            }
            return false;
        }

        /// <summary>The TLS handshake failed: the request itself was never written.</summary>
        public static bool IsTlsFailure(Exception exception)
        {
            for (var e = exception; e != null; e = e.InnerException)
                if (e is AuthenticationException) return true;
            return false;
        }

        /// <summary>Retry-After in either form (delta seconds or HTTP date), relative to now.</summary>
        public static TimeSpan? RetryAfter(HttpResponseHeaders? headers, DateTimeOffset now)
        {
            var header = headers?.RetryAfter;
            if (header is null) return null;
            if (header.Delta.HasValue) return header.Delta.Value < TimeSpan.Zero ? TimeSpan.Zero : header.Delta.Value;
            if (header.Date.HasValue)
            {
                var wait = header.Date.Value - now;
                return wait < TimeSpan.Zero ? TimeSpan.Zero : wait;
            }
            return null;
        }
    }

    /// <summary>A reply body that arrived broken (truncated or not parseable); a read may be repeated.</summary>
    public sealed class TransientContentException : IOException
    {
        public TransientContentException(string message, Exception? inner = null) : base(message, inner) { }
    }

    /// <summary>Raised by a transport that knows the connection was refused before anything was sent.</summary>
    public sealed class ConnectionRefusedException : HttpRequestException
    {
        public ConnectionRefusedException(string message, Exception? inner = null) : base(message, inner) { }
    }

    /// <summary>A reply larger than the connection's cap (Content-Length or while reading): never buffered whole.</summary>
    public sealed class ResponseTooLargeException : IOException
    {
        public ResponseTooLargeException(long limit, long? announced)
            : base(announced.HasValue
                ? "The reply announces " + announced.Value + " bytes, more than the limit of " + limit + " bytes (-MaxResponseMB)."
                : "The reply is larger than the limit of " + limit + " bytes (-MaxResponseMB).")
        {
            Limit = limit;
        }

        public long Limit { get; }
    }
}
