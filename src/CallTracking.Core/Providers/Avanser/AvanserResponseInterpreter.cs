using System;
using System.Text.Json;
using CallTracking.Core.Http;
using CallTracking.Core.Model;

namespace CallTracking.Core.Providers.Avanser
{
    /// <summary>
    /// AVANSER's replies: the HTTP status decides [notes]; an error body is read leniently (its shape is not documented:
    /// [assumed] {"error":…} or {"message":…}). A 200 whose body is only an error object is an error too [assumed].
    /// </summary>
    public sealed class AvanserResponseInterpreter : HttpStatusInterpreter
    {
        public AvanserResponseInterpreter(Func<DateTimeOffset>? now = null) : base(now)
        {
        }

        /// <summary>A refusal of the token flow's own requests (getTokenKey, signIn) is a credential problem, whatever its status.</summary>
        public override ResponseFailure? Interpret(ResponseContext response)
        {
            var failure = base.Interpret(response);
            var op = response.Request.Operation;
            if (failure is null || (op != AvanserApi.Operations.GetTokenKey && op != AvanserApi.Operations.SignIn)) return failure;
            if (failure.Kind != CallTrackingErrorKind.InvalidArgument && failure.Kind != CallTrackingErrorKind.NotFound && failure.Kind != CallTrackingErrorKind.ProviderFailure) return failure;
            if (failure.Transient || failure.ServerDidNotAct || (failure.HttpStatus >= 300 && failure.HttpStatus <= 399)) return failure; // passing, or a redirect (named as such)
            return new ResponseFailure(CallTrackingErrorKind.Authentication, failure.HttpStatus, failure.ProviderCode,
                (failure.ProviderMessage ?? "the sign-in was refused") + " (check -AccountId, -ApiKey and -ApiSecret)") { RetryAfter = failure.RetryAfter };
        }

        protected override (string? Code, string? Message) ReadErrorBody(ResponseContext response) => ReadError(response.Body) ?? base.ReadErrorBody(response);

        protected override ResponseFailure? InterpretSuccess(ResponseContext response)
        {
            if (response.MediaType != null && response.MediaType.IndexOf("json", StringComparison.OrdinalIgnoreCase) < 0) return null;
            var error = ReadError(response.Body, onlyError: true);
            if (error is null) return null;
            // An error in the sign-in flow's own reply (a wrong key, account or signature) is an authentication failure.
            var operation = response.Request.Operation;
            var kind = operation == AvanserApi.Operations.GetTokenKey || operation == AvanserApi.Operations.SignIn ? CallTrackingErrorKind.Authentication : CallTrackingErrorKind.ProviderFailure;
            return new ResponseFailure(kind, response.Status, error.Value.Code, error.Value.Message);
        }

        private static (string? Code, string? Message)? ReadError(ReadOnlyMemory<byte> body, bool onlyError = false)
        {
            if (body.Length == 0) return null;
            try
            {
                using var doc = JsonDocument.Parse(body);
                if (doc.RootElement.ValueKind != JsonValueKind.Object) return null;
                string? code = null, message = null;
                var others = 0;
                foreach (var p in doc.RootElement.EnumerateObject())
                {
                    if (string.Equals(p.Name, "error", StringComparison.OrdinalIgnoreCase) || string.Equals(p.Name, "errors", StringComparison.OrdinalIgnoreCase))
                        code = p.Value.ValueKind == JsonValueKind.String ? p.Value.GetString() : p.Value.GetRawText();
                    else if (string.Equals(p.Name, "message", StringComparison.OrdinalIgnoreCase) || string.Equals(p.Name, "msg", StringComparison.OrdinalIgnoreCase))
                        message = p.Value.ValueKind == JsonValueKind.String ? p.Value.GetString() : p.Value.GetRawText();
                    else if (!string.Equals(p.Name, "status", StringComparison.OrdinalIgnoreCase) && !string.Equals(p.Name, "code", StringComparison.OrdinalIgnoreCase)) others++;
                }
                if (onlyError && (code is null || others > 0)) return null;
                return code is null && message is null ? ((string?, string?)?)null : (code, message ?? code);
            }
            catch (JsonException)
            {
                return null;
            }
        }
    }
}
