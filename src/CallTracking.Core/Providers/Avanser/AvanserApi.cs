using System.Collections.Generic;
using CallTracking.Core.Http;

namespace CallTracking.Core.Providers.Avanser
{
    /// <summary>
    /// Every AVANSER name the module uses, in one place. Sources: [seed] = ../shared/seeds/avanser-api-summary.txt,
    /// [notes] = ../shared/provider-notes.md (doc = AVANSER's public docs, code = public client code), [assumed] = not
    /// found anywhere: our choice, with the reason, easy to correct here and listed in the README's coverage table.
    /// </summary>
    public static partial class AvanserApi
    {
        public const string ProviderName = "Avanser";

        // ---- Two APIs on two hosts ---------------------------------------------------------------------------------
        /// <summary>Provisioning (numbers, services, requests): HTTP Basic over HTTPS [seed].</summary>
        public const string TelcoApi = "Telco";
        /// <summary>[notes] doc: the API Blueprint host of the Telco API, version 20211030.</summary>
        public const string TelcoBaseUri = "https://tapi-sandbox.avanser.com/v1/";
        /// <summary>Reporting (call records, audio) [seed].</summary>
        public const string WebApi = "WebApi";
        /// <summary>[notes] code: GET https://api.avanser.com/JSON?action=getCDR (test system: https://api.test.avanser.com/JSON/ [seed]).</summary>
        public const string WebApiBaseUri = "https://api.avanser.com/JSON";

        // ---- Connection settings and secrets ---------------------------------------------------------------------------
        public const string AccountIdSetting = "AccountId";
        public const string ClientIdSetting = "ClientId";
        public const string ApiKeySecret = "ApiKey";
        public const string ApiSecretSecret = "ApiSecret";

        // ---- WebAPI parameters [notes] (code) ----------------------------------------------------------------------------
        public const string Action = "action";
        public const string AccountId = "account_id";
        public const string ClientId = "client_id";
        public const string ApiKey = "api_key";
        public const string Signature = "signature";
        public const string Token = "token";
        /// <summary>[assumed] the Telco API's account selector: one login may reach several accounts [notes] (doc) but the
        /// public material does not say how a request picks one; -AccountId is sent as this query parameter on every Telco
        /// request (none without -AccountId, so the login's default account answers).</summary>
        public const string TelcoAccountParameter = "account_id";
        public const string GetTokenKey = "getTokenKey";
        public const string SignIn = "signIn";
        /// <summary>[notes] code: the reply field of getTokenKey.</summary>
        public const string TokenKeyField = "tokenKey";
        /// <summary>[notes] code: the reply field of signIn.</summary>
        public const string TokenField = "token";
        /// <summary>[assumed] the signature is md5 of secret + tokenKey in lower-case hex (the usual PHP md5() output).</summary>
        public const bool SignatureIsLowerHex = true;

        /// <summary>Names whose values are secrets (generic ones such as api_key, token, password are listed in the core).</summary>
        public static readonly IReadOnlyCollection<string> SecretNames = new[] { ApiKey, Token, TokenKeyField, Signature, "apiKey", "api_secret", "secret" };

        // ---- Error bodies [assumed]: the public material shows none; read {"error":…} / {"message":…} / {"status":…} leniently.
        public static readonly IReadOnlyList<string> ErrorFields = new[] { "error", "errors", "message", "msg" };

        public static class Operations
        {
            public static readonly ApiOperation GetTokenKey = new ApiOperation("Avanser.getTokenKey", OperationSafety.Read, "get a token key", WebApi);
            public static readonly ApiOperation SignIn = new ApiOperation("Avanser.signIn", OperationSafety.Read, "sign in", WebApi);
            /// <summary>[notes] code: GET action=getCDR (call records).</summary>
            public static readonly ApiOperation GetCdr = new ApiOperation("Avanser.getCDR", OperationSafety.Read, "list calls", WebApi);
            /// <summary>[notes] code: GET action=getAudio&amp;call_id (a recording).</summary>
            public static readonly ApiOperation GetAudio = new ApiOperation("Avanser.getAudio", OperationSafety.Read, "download a recording", WebApi);
            /// <summary>[notes] code: GET services.</summary>
            public static readonly ApiOperation ListServices = new ApiOperation("Avanser.ListServices", OperationSafety.Read, "list services", TelcoApi);

            public static readonly IReadOnlyList<ApiOperation> All = System.Linq.Enumerable.ToArray(System.Linq.Enumerable.Concat(new[] { GetTokenKey, SignIn, GetCdr, GetAudio, ListServices }, TelcoOperations.All));
        }
    }
}
