using System;
using System.Text.Json;
using CallTracking.Core.Http;
using CallTracking.Core.Json;
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
                // The forward-only reader and the shared value readers: a value or name that cannot be decoded (a lone
                // surrogate, bytes that are not UTF-8) is read as its JSON text, never an exception.
                var reader = new Utf8JsonReader(body.Span);
                var source = new JsonSource(body, 0);
                if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject) return null;
                string? code = null, message = null;
                var others = 0;
                while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
                {
                    var name = JsonValues.Text(ref reader);
                    reader.Read();
                    if (string.Equals(name, "error", StringComparison.OrdinalIgnoreCase) || string.Equals(name, "errors", StringComparison.OrdinalIgnoreCase))
                        code = ValueText(ref reader, source);
                    else if (string.Equals(name, "message", StringComparison.OrdinalIgnoreCase) || string.Equals(name, "msg", StringComparison.OrdinalIgnoreCase))
                        message = ValueText(ref reader, source);
                    else
                    {
                        if (!string.Equals(name, "status", StringComparison.OrdinalIgnoreCase) && !string.Equals(name, "code", StringComparison.OrdinalIgnoreCase)) others++;
                        reader.Skip();
                    }
                }
                if (reader.TokenType != JsonTokenType.EndObject || reader.Read()) return null; // not one whole JSON object
                if (onlyError && (code is null || others > 0)) return null;
                return code is null && message is null ? ((string?, string?)?)null : (code, message ?? code);
            }
            catch (JsonException)
            {
                return null;
            }
        }

        /// <summary>A string's text, any other value as its JSON text (null as "null").</summary>
        private static string? ValueText(ref Utf8JsonReader reader, JsonSource source)
            => reader.TokenType == JsonTokenType.Null ? "null" : JsonValues.ReadString(ref reader, source);
    }
}
