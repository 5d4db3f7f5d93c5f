using System;
using System.Collections.Generic;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using CallTracking.Core.Connections;
using CallTracking.Core.Http;
using CallTracking.Core.Json;

namespace CallTracking.Core.Providers.Avanser
{
    /// <summary>
    /// AVANSER's two APIs authenticate differently [seed][notes]. The Telco API: HTTP Basic with the login. The WebAPI: the
    /// token flow when an API key and secret are given (getTokenKey with account_id and api_key → tokenKey; signIn with
    /// account_id and signature = md5(secret + tokenKey) → token; then token= on every request), fetched once, cached,
    /// and fetched again once when a request is answered 401; otherwise HTTP Basic plus client_id. The flow runs inside
    /// the request's retry scope, through the same pipeline.
    /// </summary>
    public sealed class AvanserAuthenticator : IRequestAuthenticator, IDisposable
    {
        private readonly ProviderCredential? _login;
        private readonly SecretValue? _apiKey;
        private readonly SecretValue? _apiSecret;
        private readonly string? _accountId;
        private readonly string? _clientId;
        private readonly SemaphoreSlim _tokenGate = new SemaphoreSlim(1, 1);
        private SecretValue? _token;

        public AvanserAuthenticator(ProviderCredential? login, SecretValue? apiKey, SecretValue? apiSecret, string? accountId, string? clientId)
        {
            _login = login;
            _apiKey = apiKey;
            _apiSecret = apiSecret;
            _accountId = accountId;
            _clientId = clientId;
        }

        /// <summary>True when the WebAPI uses the token flow (an API key and secret were given).</summary>
        public bool UsesTokenFlow => _apiKey != null && _apiSecret != null;

        public async Task ApplyAsync(AuthenticationContext context, CancellationToken cancellationToken)
        {
            var operation = context.Request.Operation;
            if (operation == AvanserApi.Operations.GetTokenKey || operation == AvanserApi.Operations.SignIn) return; // the flow's own requests
            if (string.Equals(context.Endpoint.Name, AvanserApi.WebApi, StringComparison.OrdinalIgnoreCase) && UsesTokenFlow)
            {
                var token = await TokenAsync(context, cancellationToken).ConfigureAwait(false);
                token.Use(t => { context.AddQueryParameter(AvanserApi.Token, t); return true; });
                return;
            }
            if (_login is null)
                throw new Model.CallTrackingException(AvanserApi.ProviderName, operation.Name, Model.CallTrackingErrorKind.Authentication,
                    "AVANSER's " + context.Endpoint.Name + " API needs the AVANSER login: connect with -Credential (the API key and secret sign in to the WebAPI only). Nothing was sent.") { NotSent = true };
            context.Message.Headers.Authorization = new AuthenticationHeaderValue("Basic", BasicValue(_login));
            if (string.Equals(context.Endpoint.Name, AvanserApi.WebApi, StringComparison.OrdinalIgnoreCase) && _clientId != null)
                context.AddQueryParameter(AvanserApi.ClientId, _clientId);
            // A login may reach several accounts: -AccountId picks the one the Telco API works in.
            if (string.Equals(context.Endpoint.Name, AvanserApi.TelcoApi, StringComparison.OrdinalIgnoreCase) && _accountId != null)
                context.AddQueryParameter(AvanserApi.TelcoAccountParameter, _accountId);
        }

        /// <summary>A 401 on the WebAPI with a token: drop it, so the next attempt signs in again.</summary>
        public bool Invalidate(string endpoint)
        {
            if (!string.Equals(endpoint, AvanserApi.WebApi, StringComparison.OrdinalIgnoreCase) || !UsesTokenFlow) return false;
            var old = Interlocked.Exchange(ref _token, null);
            old?.Dispose();
            return old != null;
        }

        public IEnumerable<string> SecretForms()
        {
            var forms = new List<string>();
            if (_login != null)
            {
                forms.Add(_login.UseSecret(s => s));
                forms.Add(_login.UseSecret(Uri.EscapeDataString));
                var b64 = BasicValue(_login);
                forms.Add(b64);
                forms.Add("Basic " + b64);
            }
            foreach (var s in new[] { _apiKey, _apiSecret, Volatile.Read(ref _token) })
            {
                if (s is null) continue;
                forms.Add(s.Use(v => v));
                forms.Add(s.Use(Uri.EscapeDataString));
            }
            return forms;
        }

        private async Task<SecretValue> TokenAsync(AuthenticationContext context, CancellationToken cancellationToken)
        {
            var cached = Volatile.Read(ref _token);
            if (cached != null) return cached;
            await _tokenGate.WaitAsync(cancellationToken).ConfigureAwait(false);
            try
            {
                cached = Volatile.Read(ref _token);
                if (cached != null) return cached; // another request signed in meanwhile

                var keyRequest = ApiRequest.Get(AvanserApi.Operations.GetTokenKey, string.Empty, new QueryBuilder()
                    .Add(AvanserApi.Action, AvanserApi.GetTokenKey).Add(AvanserApi.AccountId, _accountId)
                    .Add(AvanserApi.ApiKey, _apiKey!.Use(k => k)));
                string tokenKey;
                using (var reply = await context.SendAsync(keyRequest, cancellationToken).ConfigureAwait(false))
                    tokenKey = ReadField(reply.Body, AvanserApi.TokenKeyField, keyRequest);

                var signature = _apiSecret!.Use(secret => Md5Hex(secret + tokenKey));
                var signIn = ApiRequest.Get(AvanserApi.Operations.SignIn, string.Empty, new QueryBuilder()
                    .Add(AvanserApi.Action, AvanserApi.SignIn).Add(AvanserApi.AccountId, _accountId).Add(AvanserApi.Signature, signature));
                string token;
                using (var reply = await context.SendAsync(signIn, cancellationToken).ConfigureAwait(false))
                    token = ReadField(reply.Body, AvanserApi.TokenField, signIn);

                var fresh = SecretValue.FromPlainText(token);
                Volatile.Write(ref _token, fresh);
                return fresh;
            }
            finally
            {
                _tokenGate.Release();
            }
        }

        /// <summary>The field's value from {"field":"…"} or one level down ({"data":{"field":"…"}}) — the envelope is not documented.</summary>
        private static string ReadField(ReadOnlyMemory<byte> body, string field, ApiRequest request)
        {
            try
            {
                using var doc = JsonDocument.Parse(body);
                if (Find(doc.RootElement, field, 0) is string value && value.Length > 0) return value;
            }
            catch (JsonException ex)
            {
                throw new TransientContentException("The " + request.Operation.Description + " reply could not be read as JSON: " + ex.Message, ex);
            }
            throw new Model.CallTrackingException(AvanserApi.ProviderName, request.Operation.Name, Model.CallTrackingErrorKind.Authentication,
                "AVANSER could not " + request.Operation.Description + ": the reply has no '" + field + "' (check -AccountId, -ApiKey and -ApiSecret).");
        }

        private static string? Find(JsonElement element, string field, int depth)
        {
            if (element.ValueKind != JsonValueKind.Object || depth > 2) return null;
            foreach (var p in element.EnumerateObject())
            {
                // A name or value that cannot be decoded (a lone surrogate, bytes that are not UTF-8) is not the field.
                if (p.Value.ValueKind == JsonValueKind.String && JsonValues.TryGetName(p, out var name) && string.Equals(name, field, StringComparison.OrdinalIgnoreCase)
                    && JsonValues.TryGetText(p.Value, out var value)) return value;
            }
            foreach (var p in element.EnumerateObject())
            {
                var inner = Find(p.Value, field, depth + 1);
                if (inner != null) return inner;
            }
            return null;
        }

        internal static string Md5Hex(string text)
        {
            using var md5 = MD5.Create();
            var hash = md5.ComputeHash(Encoding.UTF8.GetBytes(text));
            var sb = new StringBuilder(hash.Length * 2);
            foreach (var b in hash) sb.Append(b.ToString(AvanserApi.SignatureIsLowerHex ? "x2" : "X2", System.Globalization.CultureInfo.InvariantCulture));
            return sb.ToString();
        }

        private static string BasicValue(ProviderCredential login)
            => login.UseSecret(secret => Convert.ToBase64String(Encoding.UTF8.GetBytes(login.UserName + ":" + secret)));

        public void Dispose()
        {
            Interlocked.Exchange(ref _token, null)?.Dispose();
            _tokenGate.Dispose();
        }
    }
}
