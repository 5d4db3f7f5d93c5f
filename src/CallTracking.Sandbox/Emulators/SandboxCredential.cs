using System;
using System.Collections.Generic;

namespace CallTracking.Sandbox
{
    /// <summary>A credential an emulator accepts, in the shape a connection is made with: a user name and a secret,
    /// plus any further named values a provider needs (an account id, a client pin).</summary>
    public sealed class SandboxCredential
    {
        private static readonly IReadOnlyDictionary<string, string> NoParameters = new Dictionary<string, string>();

        /// <param name="kind">What it is, e.g. "token" or "keys".</param>
        /// <param name="userName">The user-name part (for a token, the name it is sent under, e.g. "auth_token").</param>
        /// <param name="secret">The secret part (token, password, private key).</param>
        /// <param name="parameters">Further named values; null = none.</param>
        public SandboxCredential(string kind, string userName, string secret, IReadOnlyDictionary<string, string>? parameters = null)
        {
            if (string.IsNullOrWhiteSpace(kind)) throw new ArgumentException("A credential needs a kind.", nameof(kind));
            Kind = kind;
            UserName = userName ?? throw new ArgumentNullException(nameof(userName));
            Secret = secret ?? throw new ArgumentNullException(nameof(secret));
            Parameters = parameters is null ? NoParameters : new Dictionary<string, string>(ToDictionary(parameters), StringComparer.Ordinal);
        }

        public string Kind { get; }
        public string UserName { get; }
        public string Secret { get; }
        public IReadOnlyDictionary<string, string> Parameters { get; }

        /// <summary>Never shows the secret.</summary>
        public override string ToString() => Kind + " (" + UserName + ")";

        private static Dictionary<string, string> ToDictionary(IReadOnlyDictionary<string, string> source)
        {
            var copy = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var pair in source) copy[pair.Key] = pair.Value;
            return copy;
        }
    }
}
