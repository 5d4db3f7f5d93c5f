using System;
using System.Net.Http;
using System.Net.Http.Headers;

namespace CallTracking.Core.Http
{
    /// <summary>
    /// What to send, independent of any attempt: the operation, the verb, a path relative to the endpoint's base, the query
    /// and an optional body. The executor builds a fresh HttpRequestMessage from it for every attempt (a message cannot be
    /// sent twice, and authentication is applied anew each time).
    /// </summary>
    public sealed class ApiRequest
    {
        internal const string OperationProperty = "CallTracking.Operation";
        internal const string AttemptProperty = "CallTracking.Attempt";

        public ApiRequest(ApiOperation operation, HttpMethod method, string path, QueryBuilder? query = null)
        {
            Operation = operation ?? throw new ArgumentNullException(nameof(operation));
            Method = method ?? throw new ArgumentNullException(nameof(method));
            Path = path ?? string.Empty;
            Query = query ?? new QueryBuilder();
        }

        public static ApiRequest Get(ApiOperation operation, string path, QueryBuilder? query = null) => new ApiRequest(operation, HttpMethod.Get, path, query);

        public ApiOperation Operation { get; }
        public HttpMethod Method { get; }
        /// <summary>Relative to the endpoint's base URI ("calls", "phone_numbers/7"); empty for an RPC endpoint.</summary>
        public string Path { get; }
        public QueryBuilder Query { get; }
        public byte[]? Body { get; set; }
        public string? ContentType { get; set; }
        /// <summary>The object concerned, for messages ("+18005550100", "call 42").</summary>
        public string? Target { get; set; }
        /// <summary>
        /// For a download: a successful (2xx) reply whose media type this accepts is handed over as a stream once its
        /// headers are in (<see cref="ApiResponse.BodyStream"/>), not read into memory and not judged by the interpreter
        /// (a file is not an error body); any other reply is read and judged as usual. The retries end with the headers.
        /// </summary>
        public Func<string?, bool>? StreamWhen { get; set; }

        /// <summary>A new message for one attempt, against <paramref name="baseUri"/>.</summary>
        public HttpRequestMessage CreateMessage(Uri baseUri, int attempt)
        {
            var relative = Query.AppendTo(Path);
            var uri = relative.Length == 0 ? baseUri : new Uri(baseUri, relative);
            var message = new HttpRequestMessage(Method, uri);
            if (Body != null)
            {
                var content = new ByteArrayContent(Body);
                if (ContentType != null) content.Headers.ContentType = MediaTypeHeaderValue.Parse(ContentType);
                message.Content = content;
            }
            else if (TransportResendGuard.NeedsEmptyContent)
            {
                message.Content = TransportResendGuard.EmptyContent();
            }
#pragma warning disable CS0618 // Properties is the netstandard2.0 way; on .NET 5+ it is backed by Options.
            message.Properties[OperationProperty] = Operation;
            message.Properties[AttemptProperty] = attempt;
#pragma warning restore CS0618
            return message;
        }

        /// <summary>The operation a message was made for (the logging handler reads it); null for a foreign message.</summary>
        public static ApiOperation? OperationOf(HttpRequestMessage message)
        {
#pragma warning disable CS0618
            return message.Properties.TryGetValue(OperationProperty, out var op) ? op as ApiOperation : null;
#pragma warning restore CS0618
        }

        public static int AttemptOf(HttpRequestMessage message)
        {
#pragma warning disable CS0618
            return message.Properties.TryGetValue(AttemptProperty, out var a) && a is int n ? n : 1;
#pragma warning restore CS0618
        }
    }
}
