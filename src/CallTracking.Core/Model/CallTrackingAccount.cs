using System;
using System.Collections.Generic;
using System.Security;

namespace CallTracking.Core.Model
{
    /// <summary>
    /// An account at a provider (a client account of an agency, a new account): its user name, plan and contact details, and
    /// the secret a connection to it uses (an API pin) when the provider handed one out. The secret is held as a read-only
    /// SecureString behind a method, never a property: it is not displayed, not serialised (ConvertTo-Json, Export-Csv) and
    /// not in ToString or Raw. The PowerShell layer offers it as a PSCredential (UserName, secret) named Credential.
    /// </summary>
    public class CallTrackingAccount : ProviderRecord
    {
        private SecureString? _secret;

        public CallTrackingAccount(string provider, string userName, IReadOnlyDictionary<string, object?>? raw = null)
            : base(provider, userName ?? string.Empty, raw)
        {
            UserName = userName ?? string.Empty;
        }

        /// <summary>The account's user name (login, user id).</summary>
        public string UserName { get; set; }
        /// <summary>The provider's plan or kind of account, as it names it.</summary>
        public string? AccountType { get; set; }
        public string? Email { get; set; }
        public string? ContactName { get; set; }
        /// <summary>The contact's phone number, E.164 (as sent when it does not read as a phone number).</summary>
        public string? ContactNumber { get; set; }
        /// <summary>The account's web domain, where the provider keeps one.</summary>
        public string? Domain { get; set; }

        /// <summary>True when the object carries the account's connection secret.</summary>
        public bool HasSecret => _secret != null;

        /// <summary>
        /// A copy of the account's connection secret (its API pin) as a read-only SecureString; null when the provider gave none.
        /// </summary>
        public SecureString? GetSecret()
        {
            if (_secret is null) return null;
            var copy = _secret.Copy();
            copy.MakeReadOnly();
            return copy;
        }

        /// <summary>Keeps <paramref name="secret"/> (copied, read-only) as the account's connection secret.</summary>
        internal void SetSecret(SecureString? secret)
        {
            _secret?.Dispose();
            if (secret is null) { _secret = null; return; }
            _secret = secret.Copy();
            _secret.MakeReadOnly();
        }

        public override string Kind => "account";

        public override string ToString() => UserName;
    }
}
