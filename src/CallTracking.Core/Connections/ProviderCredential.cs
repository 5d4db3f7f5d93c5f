using System;
using System.Security;

namespace CallTracking.Core.Connections
{
    /// <summary>
    /// A user name (not secret: a public key, a login) and a secret (<see cref="SecretValue"/>). The
    /// secret is unwrapped only for the moment a request is signed and never appears in ToString or exceptions.
    /// </summary>
    public sealed class ProviderCredential : IDisposable
    {
        private readonly SecretValue _secret;

        public ProviderCredential(string userName, SecureString secret)
        {
            UserName = userName ?? string.Empty;
            _secret = new SecretValue(secret ?? throw new ArgumentNullException(nameof(secret)));
        }

        public static ProviderCredential FromPlainText(string userName, string secret)
        {
            using var s = new SecureString();
            foreach (var c in secret ?? string.Empty) s.AppendChar(c);
            return new ProviderCredential(userName, s);
        }

        public string UserName { get; }

        public bool HasSecret => !_secret.IsEmpty;

        /// <summary>Runs <paramref name="use"/> with the secret as text; the text is not kept.</summary>
        public T UseSecret<T>(Func<string, T> use) => _secret.Use(use);

        public override string ToString() => "ProviderCredential(UserName=" + UserName + ", Secret=" + Http.SecretRedactor.Mask + ")";

        public void Dispose() => _secret.Dispose();
    }
}
