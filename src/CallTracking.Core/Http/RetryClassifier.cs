using System;
using System.IO;
using System.Net;
using System.Net.Http;
using System.Net.Sockets;

namespace CallTracking.Core.Http
{
    /// <summary>
    /// Decides whether a failed attempt may be sent again, from the operation's safety and what went wrong. A purchase whose
    /// request may have reached the server (a 5xx, a timeout, a connection dropped mid-way) is never repeated: that could buy
    /// twice. A 429 or a refused connection means the server did not act, so every operation may retry those.
    /// </summary>
    public static class RetryClassifier
    {
        public static bool IsRetryable(OperationSafety safety, HttpResponseMessage? response, Exception? exception, bool userCancelled)
        {
            if (userCancelled) return false;
            if (response != null)
            {
                var status = (int)response.StatusCode;
                if (status == 429) return true;
                if (safety == OperationSafety.Unsafe) return false;
                return status == 500 || status == 502 || status == 503 || status == 504 || status == 408;
            }
            if (exception is null) return false;
            if (IsConnectionRefused(exception)) return true;
            if (safety == OperationSafety.Unsafe) return false;
            return exception is HttpRequestException || exception is TimeoutException || exception is IOException
                || exception is TransientContentException || exception is OperationCanceledException;
        }

        /// <summary>The connection was refused or the host not reached: nothing was sent, so nothing was done.</summary>
        public static bool IsConnectionRefused(Exception exception)
        {
            for (var e = exception; e != null; e = e.InnerException)
            {
                if (e is SocketException se && (se.SocketErrorCode == SocketError.ConnectionRefused || se.SocketErrorCode == SocketError.HostNotFound || se.SocketErrorCode == SocketError.HostUnreachable || se.SocketErrorCode == SocketError.NetworkUnreachable))
                    return true;
                if (e is ConnectionRefusedException) return true;
            }
            return false;
        }

        /// <summary>Retry-After in either form (delta seconds or HTTP date), relative to now.</summary>
        public static TimeSpan? RetryAfter(HttpResponseMessage? response, DateTimeOffset now)
        {
            var header = response?.Headers.RetryAfter;
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

    /// <summary>A reply body that arrived broken (truncated or not parseable) for a read; the read may be repeated.</summary>
    public sealed class TransientContentException : IOException
    {
        public TransientContentException(string message, Exception? inner = null) : base(message, inner) { }
    }

    /// <summary>Raised by a transport that knows the connection was refused before anything was sent.</summary>
    public sealed class ConnectionRefusedException : HttpRequestException
    {
        public ConnectionRefusedException(string message, Exception? inner = null) : base(message, inner) { }
    }
}
