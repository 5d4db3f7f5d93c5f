using System;
using System.Text;
using CallTracking.Core.Model;

namespace CallTracking.Core.Http
{
    /// <summary>
    /// The HTTP part every provider shares: 2xx is a success unless the provider says otherwise in the body
    /// (<see cref="InterpretSuccess"/>), 429 means the server did not act, 408/5xx are passing, 3xx is never followed (a
    /// redirect could carry the credential to another host) and other statuses map to the error kinds. Providers
    /// override how their error bodies read and what an error inside a 200 looks like.
    /// </summary>
    public class HttpStatusInterpreter : IResponseInterpreter
    {
        private readonly Func<DateTimeOffset> _now;

        public HttpStatusInterpreter(Func<DateTimeOffset>? now = null) => _now = now ?? (() => DateTimeOffset.UtcNow);

        public virtual ResponseFailure? Interpret(ResponseContext response)
        {
            if (response.IsSuccessStatus) return InterpretSuccess(response);
            var status = response.Status;
            if (status >= 300 && status <= 399)
            {
                var location = response.Headers.Location;
                // A relative Location is shown as given (it is the target), never replaced by the request's own path.
                var where = location is null ? "another address" : SecretRedactor.RedactUri(location);
                return new ResponseFailure(CallTrackingErrorKind.ProviderFailure, status, null, "the provider redirected the request to " + where + "; redirects are not followed (they could carry the credential elsewhere)");
            }
            (string? Code, string? Message) error = (null, null);
            try { error = ReadErrorBody(response); }
            catch (Exception) { /* an unreadable error body still yields the status below */ }
            return new ResponseFailure(KindOf(status), status, error.Code, error.Message)
            {
                ServerDidNotAct = status == 429,
                Transient = status == 408 || status == 500 || status == 502 || status == 503 || status == 504,
                RetryAfter = RetryClassifier.RetryAfter(response.Headers, _now()),
            };
        }

        /// <summary>A 2xx reply: null when it is a success; a failure when the provider put an error in it.</summary>
        protected virtual ResponseFailure? InterpretSuccess(ResponseContext response) => null;

        /// <summary>The provider's code and message from an error body; by default the body's first 300 characters.</summary>
        protected virtual (string? Code, string? Message) ReadErrorBody(ResponseContext response) => (null, TextOf(response.Body, 300));

        public static CallTrackingErrorKind KindOf(int status)
        {
            if (status == 401 || status == 403) return CallTrackingErrorKind.Authentication;
            if (status == 404 || status == 410) return CallTrackingErrorKind.NotFound;
            if (status == 400 || status == 409 || status == 422) return CallTrackingErrorKind.InvalidArgument;
            if (status == 429) return CallTrackingErrorKind.Throttled;
            if (status == 405 || status == 501) return CallTrackingErrorKind.NotSupported;
            return CallTrackingErrorKind.ProviderFailure;
        }

        /// <summary>Up to <paramref name="max"/> characters of a body as UTF-8 text (null when empty).</summary>
        public static string? TextOf(ReadOnlyMemory<byte> body, int max)
        {
            if (body.Length == 0) return null;
            var text = Encoding.UTF8.GetString(body.Slice(0, Math.Min(body.Length, max * 4)).ToArray());
            text = text.Trim();
            if (text.Length > max) text = text.Substring(0, max) + "…";
            return text.Length == 0 ? null : text;
        }
    }
}
