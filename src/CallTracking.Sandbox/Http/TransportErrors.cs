using System;
using System.IO;
using System.Net;
using System.Net.Http;
using System.Reflection;

namespace CallTracking.Sandbox.Http
{
    /// <summary>
    /// The exceptions .NET's own handler (SocketsHttpHandler) throws when a server closes the connection early, so the
    /// in-process transport fails the way a socket would: before the reply, an HttpRequestException "An error occurred
    /// while sending the request." around an HttpIOException "The response ended prematurely." (ResponseEnded); inside a
    /// body, the read stream's HttpIOException itself. HttpIOException and HttpRequestError exist from .NET 8 on and this
    /// library targets netstandard2.0, so they are made by reflection; elsewhere a plain IOException with the same message.
    /// </summary>
    internal static class TransportErrors
    {
        private const string SendFailed = "An error occurred while sending the request.";
        private const string Premature = "The response ended prematurely.";

        private static readonly Type? ErrorType = typeof(HttpRequestException).Assembly.GetType("System.Net.Http.HttpRequestError");
        private static readonly object? ResponseEndedValue = ErrorType is null ? null : Enum.Parse(ErrorType, "ResponseEnded");
        private static readonly ConstructorInfo? IOExceptionCtor = ErrorType is null ? null :
            typeof(HttpRequestException).Assembly.GetType("System.Net.Http.HttpIOException")?.GetConstructor(new[] { ErrorType, typeof(string), typeof(Exception) });
        private static readonly ConstructorInfo? RequestExceptionCtor = ErrorType is null ? null :
            typeof(HttpRequestException).GetConstructor(new[] { ErrorType, typeof(string), typeof(Exception), typeof(HttpStatusCode?) });

        /// <summary>What reading a body throws when the connection ends before the body does.</summary>
        public static IOException ResponseEnded()
        {
            if (IOExceptionCtor != null)
            {
                try { return (IOException)IOExceptionCtor.Invoke(new[] { ResponseEndedValue, Premature, null }); }
                catch (Exception ex) when (ex is TargetInvocationException || ex is InvalidCastException) { }
            }
            return new IOException(Premature);
        }

        /// <summary>What sending throws when the connection ends after the request and before a byte of reply.</summary>
        public static HttpRequestException ClosedBeforeReply()
        {
            var inner = ResponseEnded();
            if (RequestExceptionCtor != null)
            {
                try { return (HttpRequestException)RequestExceptionCtor.Invoke(new[] { ResponseEndedValue, SendFailed, inner, null }); }
                catch (Exception ex) when (ex is TargetInvocationException || ex is InvalidCastException) { }
            }
            return new HttpRequestException(SendFailed, inner);
        }
    }
}
